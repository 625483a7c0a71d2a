package passcom.api;

/** 200 answer of {@code POST /comprar_cliente}. */
public record CompraResposta(String resultado, Passagem passagem) {
    public static final String SUCESSO = "Compra realizada com sucesso";
}
