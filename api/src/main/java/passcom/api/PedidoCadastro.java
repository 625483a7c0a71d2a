package passcom.api;

/** Body of {@code POST /cadastro}: the new account's CPF, name, e-mail and password (never logged). */
public record PedidoCadastro(String cpf, String nome, String email, String senha) {

    /** Leaves the password out, so a stray log line or debugger view never shows it. */
    @Override
    public String toString() {
        return "PedidoCadastro[senha omitted]";
    }
}
