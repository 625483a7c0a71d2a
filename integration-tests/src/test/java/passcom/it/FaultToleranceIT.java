package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static passcom.it.Buyers.buy;
import static passcom.it.Buyers.cpf;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.seat.SeatInventory;

/** Crashes, stopped airlines, lost, late and duplicated messages: all legs or none, and every hold resolved. */
class FaultToleranceIT extends ClusterScenario {

    private static final SeatInventory.Count ALL_FREE = new SeatInventory.Count(3, 0, 0);
    private static final SeatInventory.Count ONE_SOLD = new SeatInventory.Count(2, 0, 1);


    @Test
    void when_a_participant_is_stopped_then_purchases_needing_it_get_503_others_sell_and_it_works_again_after_restart() {
        start("A", "B", "C");
        cluster.stop("C");

        Http.Reply needsC = buy(cluster.uri("A"), cpf(1), List.of("A", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"));
        assertThat(needsC.status()).isEqualTo(503);
        assertThat(needsC.erro()).contains("C");
        Cluster.await("A's hold released", () -> cluster.count("A", "Cuiabá", "Goiânia").equals(ALL_FREE));

        Http.Reply withoutC = buy(cluster.uri("A"), cpf(2), List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"));
        assertThat(withoutC.status()).isEqualTo(200);

        Http.Reply routes = Http.get(cluster.uri("B"), "/caminhos_cliente", "origem", "Cuiabá", "destino", "Vitória");
        assertThat(routes.status()).isEqualTo(200);
        assertThat(routes.json().path("companhias_indisponiveis").toString()).isEqualTo("[\"C\"]");
        assertThat(routes.json().path("mais_baratos").toString()).doesNotContain("\"C\"");

        cluster.restart("C");
        Http.Reply afterRestart = buy(cluster.uri("A"), cpf(1), List.of("A", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"));
        assertThat(afterRestart.status()).isEqualTo(200);
        cluster.awaitQuiet();
        assertThat(cluster.count("C", "Goiânia", "Belo Horizonte")).isEqualTo(ONE_SOLD);
    }

    @Test
    void when_the_coordinator_crashes_after_the_holds_and_before_deciding_then_after_restart_the_seats_return() {
        start("A", "B", "C");
        cluster.proxy("B").set("/comprar_servidor", Fault.HOLD_REPLY);
        cluster.proxy("C").set("/comprar_servidor", Fault.HOLD_REPLY);

        CompletableFuture<Http.Reply> purchase = CompletableFuture.supplyAsync(() ->
                buy(cluster.uri("A"), cpf(1), List.of("B", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")));
        Cluster.await("B and C hold a seat", () -> cluster.count("B", "Cuiabá", "Goiânia").held() == 1
                && cluster.count("C", "Goiânia", "Belo Horizonte").held() == 1);

        cluster.server("A").node().close();
        cluster.proxy("B").heal();
        cluster.proxy("C").heal();
        cluster.stop("A");
        assertThat(purchase.join().status()).as("never 'bought': the decision was never recorded").isNotEqualTo(200);
        assertThat(cluster.count("B", "Cuiabá", "Goiânia").held()).as("a hold is kept while the coordinator is down").isEqualTo(1);

        cluster.restart("A");
        cluster.awaitQuiet();
        assertThat(cluster.count("B", "Cuiabá", "Goiânia")).isEqualTo(ALL_FREE);
        assertThat(cluster.count("C", "Goiânia", "Belo Horizonte")).isEqualTo(ALL_FREE);
        assertThat(Http.get(cluster.uri("B"), "/passagens_cliente", "cpf", cpf(1)).json().path("passagens")).isEmpty();
    }

    @Test
    void when_the_coordinator_crashes_after_commit_and_before_the_confirms_arrive_then_after_restart_every_leg_is_sold() {
        start("A", "B", "C");
        cluster.proxy("B").set("/confirmar_servidor", Fault.DROP);
        cluster.proxy("C").set("/confirmar_servidor", Fault.DROP);

        Http.Reply bought = buy(cluster.uri("A"), cpf(1), List.of("B", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"));
        assertThat(bought.status()).isEqualTo(200);
        String reference = bought.json().path("passagem").path("localizador").asText();
        cluster.crash("A");
        assertThat(cluster.count("B", "Cuiabá", "Goiânia").held()).isEqualTo(1);

        cluster.proxy("B").heal();
        cluster.proxy("C").heal();
        cluster.restart("A");
        cluster.awaitQuiet();

        assertThat(cluster.count("B", "Cuiabá", "Goiânia")).isEqualTo(ONE_SOLD);
        assertThat(cluster.count("C", "Goiânia", "Belo Horizonte")).isEqualTo(ONE_SOLD);
        Http.Reply tickets = Http.get(cluster.uri("C"), "/passagens_cliente", "cpf", cpf(1));
        assertThat(tickets.json().path("passagens")).hasSize(1);
        assertThat(tickets.json().path("passagens").get(0).path("localizador").asText()).isEqualTo(reference);
        assertThat(tickets.json().path("passagens").get(0).path("trechos")).hasSize(2);
    }

    @Test
    void when_server_messages_are_duplicated_then_nothing_changes_twice_and_unsigned_calls_get_401() {
        start("A", "B", "C");
        for (String path : List.of("/comprar_servidor", "/confirmar_servidor", "/rollback", "/decisao_servidor")) {
            cluster.proxy("B").set(path, Fault.DUPLICATE);
        }

        Http.Reply bought = buy(cluster.uri("A"), cpf(1), List.of("B"), List.of("São Paulo", "Curitiba"));
        assertThat(bought.status()).isEqualTo(200);
        Http.Reply secondBuyer = buy(cluster.uri("A"), cpf(2), List.of("A", "B"), List.of("Rio de Janeiro", "São Paulo", "Curitiba"));
        cluster.awaitQuiet();
        assertThat(cluster.proxy("B").calls("/comprar_servidor")).isEqualTo(2);
        assertThat(secondBuyer.status()).isEqualTo(200);
        assertThat(cluster.count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(1, 0, 2));

        Http.Reply unsignedRollback = Http.post(cluster.uri("B"), "/rollback", Map.of("txn", "x"));
        Http.Reply unsignedPrepare = Http.post(cluster.uri("B"), "/comprar_servidor", "{\"txn\":\"t1\",\"trechos\":[]}");
        Http.Reply forged = Http.send(HttpRequest.newBuilder(cluster.uri("B").resolve("/rollback"))
                .header("X-Passcom-Sender", "A").header("X-Passcom-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .header("X-Passcom-Signature", "00ff").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(List.of(unsignedRollback.status(), unsignedPrepare.status(), forged.status())).containsOnly(401);
        assertThat(unsignedRollback.erro()).isNotBlank();
        assertThat(cluster.count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(1, 0, 2));
    }

    @Test
    void when_the_same_request_id_is_sent_twice_then_one_ticket_is_bought() {
        start("A", "B", "C");
        Map<String, Object> order = Map.of("cpf", cpf(1), "caminho", List.of(List.of("B"), List.of("São Paulo", "Curitiba")),
                "id_pedido", "pedido-123");

        Http.Reply first = Http.post(cluster.uri("A"), "/comprar_cliente", order);
        Http.Reply second = Http.post(cluster.uri("A"), "/comprar_cliente", order);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("passagem")).isEqualTo(first.json().path("passagem"));
        cluster.awaitQuiet();
        assertThat(cluster.count("B", "São Paulo", "Curitiba")).isEqualTo(ONE_SOLD);
    }

    @Test
    void when_a_three_airline_booking_is_cancelled_then_every_seat_returns_on_every_airline() {
        start("A", "B", "C");
        Http.Reply bought = buy(cluster.uri("A"), cpf(1), List.of("A", "B", "C"),
                List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Vitória"));
        String reference = bought.json().path("passagem").path("localizador").asText();
        cluster.awaitQuiet();

        Http.Reply cancelled = Http.post(cluster.uri("C"), "/cancelar_cliente", Map.of("cpf", cpf(1), "localizador", reference));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("passagem").path("localizador").asText()).isEqualTo(reference);
        cluster.awaitQuiet();
        assertThat(cluster.count("A", "Cuiabá", "Goiânia")).isEqualTo(ALL_FREE);
        assertThat(cluster.count("B", "Goiânia", "Belo Horizonte")).isEqualTo(ALL_FREE);
        assertThat(cluster.count("C", "Belo Horizonte", "Vitória")).isEqualTo(ALL_FREE);
        assertThat(Http.get(cluster.uri("A"), "/passagens_cliente", "cpf", cpf(1)).json().path("passagens")).isEmpty();
        assertThat(Http.post(cluster.uri("B"), "/cancelar_cliente", Map.of("cpf", cpf(1), "localizador", reference)).status())
                .isEqualTo(404);
    }

    @Test
    void when_five_airlines_federate_then_an_itinerary_mixes_any_of_them() {
        RouteNetwork network = Networks.defaultNetwork();
        Airline a = network.airline("A").orElseThrow();
        network = network.withAirline(new Airline("D", Money.of("95"), new TreeMap<>(a.capacity())));
        network = network.withAirline(new Airline("E", Money.of("99.90"), new TreeMap<>(a.capacity())));
        start(network, "A", "B", "C", "D", "E");

        Http.Reply routes = Http.get(cluster.uri("E"), "/caminhos_cliente", "origem", "Cuiabá", "destino", "Porto Alegre");
        assertThat(routes.json().path("caminhos_encontrados")).hasSize(5);
        assertThat(routes.json().path("mais_baratos").get(0).path("caminho").get(0).toString()).contains("\"D\"");

        Http.Reply bought = buy(cluster.uri("B"), cpf(3), List.of("D", "E", "C"),
                List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Vitória"));
        assertThat(bought.status()).isEqualTo(200);
        List<String> airlines = new ArrayList<>();
        bought.json().path("passagem").path("trechos").forEach(t -> airlines.add(t.path("companhia").asText()));
        assertThat(airlines).containsExactly("D", "E", "C");
        assertThat(bought.json().path("passagem").path("valor").decimalValue()).isEqualByComparingTo("2525.11"); // 845.50 + 889.11 + 790.50
    }
}
