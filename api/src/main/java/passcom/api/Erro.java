package passcom.api;

/**
 * Every error body: {@code erro} says in words what went wrong. {@code resultado} is set where the
 * original client expects it (409 "Caminho indisponível"); {@code idPedido} where the outcome is unknown
 * and the customer can look it up.
 */
public record Erro(String resultado, String erro, String idPedido) {
    public static final String CAMINHO_INDISPONIVEL = "Caminho indisponível";

    public static Erro of(String erro) {
        return new Erro(null, erro, null);
    }
}
