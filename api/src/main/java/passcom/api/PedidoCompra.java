package passcom.api;

import java.util.List;

/** Body of {@code POST /comprar_cliente}. {@code idPedido} is an optional idempotency key chosen by the client. */
public record PedidoCompra(String cpf, List<List<String>> caminho, String idPedido) {
}
