package passcom.api;

/** Body of {@code POST /login/renovar} and {@code POST /logout}: the refresh token of a {@link Sessao}. */
public record PedidoRenovacao(String renovacao) {

    @Override
    public String toString() {
        return "PedidoRenovacao[renovacao omitted]";
    }
}
