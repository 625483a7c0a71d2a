package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static passcom.it.Buyers.buy;
import static passcom.it.Buyers.cpf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.core.route.RouteNetwork;
import passcom.core.seat.SeatInventory;

/**
 * Route answers planned from images (docs/PERFORMANCE.md, "Caches"; docs/availability.md) over real HTTP: a server
 * plans a peer's paths from its image of the peer's availability. An image may still show a leg that has just sold
 * out elsewhere; a purchase of it is still refused by the peer, and the search stops showing it once the peer's feed
 * has delivered the sale. A peer that stops is reported unavailable even though its image is still held.
 */
class RouteCacheIT extends ClusterScenario {

    private static final List<String> DIRECT = List.of("Cuiabá", "Goiânia");

    @Test
    void when_a_cached_leg_sells_out_then_a_purchase_of_it_is_refused_and_the_search_stops_showing_it() {
        RouteNetwork network = Networks.withSeats(Networks.defaultNetwork(), "B", "Cuiabá", "Goiânia", 1);
        start(network, "A", "B", "C");
        assertThat(bOffersDirect()).as("B's direct Cuiabá → Goiânia before it sells out").isTrue();
        assertThat(bOffersDirect()).as("the same answer again, now from A's cache").isTrue();

        Http.Reply first = buy(cluster.uri("C"), cpf(1), List.of("B"), DIRECT);
        assertThat(first.status()).isEqualTo(200);
        // A may still hold B's old answer; whatever it shows, B never sells the leg twice.
        bOffersDirect();
        Http.Reply second = buy(cluster.uri("A"), cpf(2), List.of("B"), DIRECT);
        assertThat(second.status()).isEqualTo(409);

        Cluster.await("A's search no longer offers B's sold-out Cuiabá → Goiânia", () -> !bOffersDirect());
        cluster.awaitQuiet();
        assertThat(cluster.count("B", "Cuiabá", "Goiânia")).isEqualTo(new SeatInventory.Count(0, 0, 1));
    }

    @Test
    void when_a_peer_with_cached_answers_stops_then_searches_report_it_unavailable() {
        start("A", "B", "C");
        assertThat(search().path("companhias_indisponiveis")).isEmpty();
        assertThat(search().path("companhias_indisponiveis")).isEmpty(); // B's and C's answers now cached at A

        cluster.stop("C");

        Cluster.await("A reports C unavailable", () -> search().path("companhias_indisponiveis").toString().equals("[\"C\"]"));
        assertThat(search().path("mais_baratos").toString()).doesNotContain("\"C\"");
    }

    private JsonNode search() {
        Http.Reply reply = Http.get(cluster.uri("A"), "/caminhos_cliente", "origem", "Cuiabá", "destino", "Goiânia");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    /** Whether A's answer lists B's direct path among B's own paths. */
    private boolean bOffersDirect() {
        for (JsonNode answer : search().path("caminhos_encontrados")) {
            if (answer.get(0).asText().equals("B")) {
                for (int i = 1; i < answer.size(); i++) {
                    if (answer.get(i).toString().equals("[\"Cuiabá\",\"Goiânia\"]")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
