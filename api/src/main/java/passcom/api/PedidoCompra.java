package passcom.api;

import java.util.List;

/**
 * Body of {@code POST /comprar_cliente}. Either the original one-passenger shape ({@code cpf}) or
 * {@code passageiros} (1 to 9, each seated on every leg), never both. {@code idPedido} is an optional
 * idempotency key chosen by the client.
 */
public record PedidoCompra(String cpf, List<List<String>> caminho, String idPedido, List<Passageiro> passageiros) {

    /** The original body: one passenger, the airline picks the seats. */
    public PedidoCompra(String cpf, List<List<String>> caminho, String idPedido) {
        this(cpf, caminho, idPedido, null);
    }
}
