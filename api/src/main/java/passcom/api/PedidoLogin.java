package passcom.api;

/** Body of {@code POST /login}. */
public record PedidoLogin(String cpf, String senha) {

    /** Leaves the password out, so a stray log line or debugger view never shows it. */
    @Override
    public String toString() {
        return "PedidoLogin[senha omitted]";
    }
}
