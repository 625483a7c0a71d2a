package passcom.api;

/** 200 answer of {@code POST /cancelar_cliente}: the booking as it was, now cancelled. */
public record CancelamentoResposta(String resultado, Passagem passagem) {
    public static final String SUCESSO = "Passagem cancelada";
}
