package passcom.api;

/** Body of {@code POST /cancelar_cliente}. */
public record PedidoCancelamento(String cpf, String localizador) {
}
