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
    /** Every failed login and every refused password says this, whether the CPF has an account or not. */
    public static final String CPF_OU_SENHA_INVALIDOS = "CPF ou senha inválidos";
    /** A second account for a CPF anywhere in the federation (409). */
    public static final String CONTA_JA_EXISTE = "Já existe uma conta para este CPF.";
    /** An unknown localizador and a localizador with a CPF that is not its passenger's or buyer's (404). */
    public static final String RESERVA_NAO_ENCONTRADA = "Reserva não encontrada";

    public Erro(String resultado, String erro, String idPedido) {
        this(resultado, erro, idPedido, null);
    }

    public static Erro of(String erro) {
        return new Erro(null, erro, null, null);
    }
}
