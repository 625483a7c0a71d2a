package passcom.api;

/** Body of {@code DELETE /conta}: the account's password, asked again before the account is deleted. */
public record PedidoExclusaoConta(String senha) {

    @Override
    public String toString() {
        return "PedidoExclusaoConta[senha omitted]";
    }
}
