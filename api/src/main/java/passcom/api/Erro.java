package passcom.api;

/**
 * Every error body: {@code erro} says in words what went wrong. {@code resultado} is set where the
 * original client expects it (409 "Caminho indisponível"); {@code idPedido} where the outcome is unknown
 * and the customer can look it up; {@code assentoOcupado} when a seat the customer chose was taken
 * meanwhile (409, nothing bought).
 */
public record Erro(String resultado, String erro, String idPedido, TrechoAssento assentoOcupado) {
    public static final String CAMINHO_INDISPONIVEL = "Caminho indisponível";
    public static final String ASSENTO_INDISPONIVEL = "Assento indisponível";

    public Erro(String resultado, String erro, String idPedido) {
        this(resultado, erro, idPedido, null);
    }

    public static Erro of(String erro) {
        return new Erro(null, erro, null, null);
    }
}
