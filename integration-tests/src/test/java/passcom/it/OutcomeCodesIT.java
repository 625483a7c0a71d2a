package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static passcom.it.Buyers.cpf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import passcom.api.Codigo;
import passcom.api.CompraResposta;
import passcom.api.PedidoCompra;
import passcom.client.api.AirlineUnreachable;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.PasscomClient;
import passcom.client.api.SeatsUnavailable;
import passcom.client.api.ServerEndpoint;

/**
 * What a purchase's answer means, read the same way by the server and the client (docs/purchase-protocol.md,
 * "Outcomes on the wire"): each error names its {@code codigo}, and the client switches on it. Real servers in this
 * JVM, real HTTP on 127.0.0.1, faults through the cluster's proxies.
 */
class OutcomeCodesIT extends ClusterScenario {

    private static final List<String> VIA_C = List.of("A", "C");
    private static final List<String> CITIES = List.of("Cuiabá", "Goiânia", "Belo Horizonte");

    @Test
    void when_an_airline_is_down_then_nothing_is_bought_definitely_a_repeat_of_the_id_pedido_is_told_the_same_and_a_new_order_buys()
            throws Exception {
        start("A", "B", "C");
        PasscomClient client = clientOf("A");
        ServerEndpoint a = client.servers().get(0);
        PedidoCompra order = new PedidoCompra(cpf(1), List.of(VIA_C, CITIES), "pedido-c-fora");
        cluster.stop("C");

        Throwable first = catchThrowable(() -> client.buy(order));
        Http.Reply repeated = Http.post(cluster.uri("A"), "/comprar_cliente",
                Map.of("cpf", cpf(1), "caminho", List.of(VIA_C, CITIES), "id_pedido", "pedido-c-fora"));

        assertThat(first).as("definite, not 'outcome unknown'").isInstanceOf(AirlineUnreachable.class);
        assertThat(((AirlineUnreachable) first).codigo()).isEqualTo(Codigo.INDISPONIVEL_NADA_COMPRADO);
        assertThat(((AirlineUnreachable) first).serverMessage()).contains("C").contains("nada foi comprado");
        assertThat(repeated.status()).as("the repeat gets the first answer: %s", repeated.json()).isEqualTo(503);
        assertThat(repeated.json().path("codigo").asText()).isEqualTo("INDISPONIVEL_NADA_COMPRADO");

        cluster.restart("C");
        Throwable again = catchThrowable(() -> client.retryPurchase(a, order));
        CompraResposta bought = client.buy(new PedidoCompra(cpf(1), List.of(VIA_C, CITIES), "pedido-c-de-volta"));

        assertThat(again).as("the same id_pedido is the same order, told the same once C is back").isInstanceOf(AirlineUnreachable.class);
        assertThat(bought.passagem().trechos()).hasSize(2);
        cluster.awaitQuiet();
        assertThat(cluster.count("C", "Goiânia", "Belo Horizonte").sold()).isEqualTo(1);
    }

    @Test
    void when_the_same_id_pedido_is_repeated_while_the_first_is_deciding_then_the_client_reads_em_andamento_as_unknown_and_it_buys_once()
            throws Exception {
        start("A", "B", "C");
        PasscomClient client = clientOf("A");
        ServerEndpoint a = client.servers().get(0);
        PedidoCompra order = new PedidoCompra(cpf(2), List.of(VIA_C, CITIES), "pedido-em-andamento");
        cluster.proxy("C").set("/comprar_servidor", Fault.HOLD_REPLY);
        CompletableFuture<CompraResposta> firstTry = CompletableFuture.supplyAsync(() -> {
            try {
                return client.buy(order);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Cluster.await("C holds the seat", () -> cluster.count("C", "Goiânia", "Belo Horizonte").held() == 1);

        Throwable whileDeciding = catchThrowable(() -> client.retryPurchase(a, order));
        cluster.proxy("C").heal();

        assertThat(whileDeciding).isInstanceOf(OutcomeUnknown.class);
        assertThat(((OutcomeUnknown) whileDeciding).codigo()).isEqualTo(Codigo.EM_ANDAMENTO);
        assertThat(((OutcomeUnknown) whileDeciding).idPedido()).isEqualTo("pedido-em-andamento");
        CompraResposta bought = firstTry.join();
        assertThat(client.retryPurchase(a, order).passagem().localizador()).isEqualTo(bought.passagem().localizador());
    }

    @Test
    void when_the_last_seat_is_sold_then_the_next_buyer_reads_esgotado_with_the_original_resultado() throws Exception {
        start("A", "B", "C");
        PasscomClient client = clientOf("A");
        List<List<String>> caminho = List.of(List.of("A"), List.of("Cuiabá", "Goiânia"));
        for (int buyer = 0; buyer < 3; buyer++) { // the default network's test capacity: three seats a leg
            client.buy(new PedidoCompra(cpf(10 + buyer), caminho, "lotando-" + buyer));
        }

        Throwable refused = catchThrowable(() -> client.buy(new PedidoCompra(cpf(20), caminho, "sem-lugar")));
        Http.Reply raw = Http.post(cluster.uri("A"), "/comprar_cliente", Map.of("cpf", cpf(21), "caminho", caminho));

        assertThat(refused).isInstanceOf(SeatsUnavailable.class);
        assertThat(((SeatsUnavailable) refused).codigo()).isEqualTo(Codigo.ESGOTADO);
        assertThat(raw.status()).isEqualTo(409);
        assertThat(raw.json().path("codigo").asText()).isEqualTo("ESGOTADO");
        assertThat(raw.json().path("resultado").asText()).isEqualTo("Caminho indisponível");
    }

    private PasscomClient clientOf(String airline) {
        return new PasscomClient(List.of(new ServerEndpoint(airline, cluster.uri(airline))));
    }
}
