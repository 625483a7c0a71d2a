package passcom.api;

/**
 * Every error body. {@code codigo} names the outcome ({@link Codigo}; a {@code String} on the wire so that a code
 * newer than the reader still parses); {@code erro} says in words what went wrong. The original contract's fields
 * stay: {@code resultado} where the original client expects it (409 "Caminho indisponível"); {@code idPedido} where
 * the outcome is not known yet and the customer can look it up; {@code assentoOcupado} when a seat the customer
 * chose was taken meanwhile (409, nothing bought).
 */
public record Erro(String codigo, String resultado, String erro, String idPedido, TrechoAssento assentoOcupado) {
    public static final String CAMINHO_INDISPONIVEL = "Caminho indisponível";
    public static final String ASSENTO_INDISPONIVEL = "Assento indisponível";
    /** Every failed login and every refused password says this, whether the CPF has an account or not. */
    public static final String CPF_OU_SENHA_INVALIDOS = "CPF ou senha inválidos";
    /** A second account for a CPF anywhere in the federation (409). */
    public static final String CONTA_JA_EXISTE = "Já existe uma conta para este CPF.";
    /** An unknown localizador and a localizador with a CPF that is not its passenger's or buyer's (404). */
    public static final String RESERVA_NAO_ENCONTRADA = "Reserva não encontrada";

    /** An error with only words; the server fills in the code of its status when it writes it. */
    public static Erro of(String erro) {
        return new Erro(null, null, erro, null, null);
    }

    public static Erro of(Codigo codigo, String erro) {
        return new Erro(codigo.name(), null, erro, null, null);
    }

    /** This error with {@code codigo}, unless it names one already. */
    public Erro withCodigo(Codigo fallback) {
        return codigo != null ? this : new Erro(fallback.name(), resultado, erro, idPedido, assentoOcupado);
    }

    /** The code, or null when the body has none (an older server) or one this version does not know. */
    public Codigo knownCode() {
        return Codigo.parse(codigo);
    }
}
