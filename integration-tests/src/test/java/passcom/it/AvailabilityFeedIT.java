package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static passcom.it.Buyers.buy;
import static passcom.it.Buyers.cpf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import passcom.core.availability.AvailabilityImage;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.txn.AirlineNode;
import passcom.server.peer.FederationPaths;

/**
 * The availability feed over real HTTP (docs/availability.md): every server plans routes from its images of the
 * other airlines, kept by their feeds; after every scenario the images equal the airlines' counters
 * ({@link ImageAudit}, run by {@link ClusterScenario}).
 */
class AvailabilityFeedIT extends ClusterScenario {

    private static final List<String> DIRECT = List.of("Cuiabá", "Goiânia");
    private static final Segment.Key CUIABA_GOIANIA = new Segment.Key("Cuiabá", "Goiânia");
    /**
     * The silence after which an airline is unavailable (2 s), and what a loaded 2-core machine may add to noticing it
     * (searches over HTTP while other builds run: 1.5 s of slack was once not enough).
     */
    private static final Duration UNAVAILABLE_WITHIN = Duration.ofMillis(2_000 + 3_000);

    @Test
    void when_a_buyer_asks_the_same_server_right_after_buying_then_the_sold_out_leg_is_gone() {
        RouteNetwork network = Networks.withSeats(Networks.defaultNetwork(), "B", "Cuiabá", "Goiânia", 1);
        start(network, "A", "B", "C");
        awaitImages("A", "B", "C");
        assertThat(offersDirect("A", "B")).as("B's direct Cuiabá → Goiânia before it sells out").isTrue();

        assertThat(buy(cluster.uri("A"), cpf(1), List.of("B"), DIRECT).status()).isEqualTo(200);

        assertThat(offersDirect("A", "B")).as("asked at once of the server that sold it").isFalse();
        Cluster.await("C's image of B shows the sale too", () -> !offersDirect("C", "B"));
    }

    @Test
    void when_a_cancellation_frees_the_last_seat_then_the_same_server_offers_it_again_at_once() {
        RouteNetwork network = Networks.withSeats(Networks.defaultNetwork(), "B", "Cuiabá", "Goiânia", 1);
        start(network, "A", "B", "C");
        awaitImages("A", "B", "C");
        Http.Reply bought = buy(cluster.uri("A"), cpf(2), List.of("B"), DIRECT);
        assertThat(bought.status()).isEqualTo(200);
        Cluster.await("every image shows B's leg sold out", () -> !offersDirect("A", "B") && !offersDirect("C", "B"));

        Http.Reply cancelled = Http.post(cluster.uri("A"), "/cancelar_cliente",
                Map.of("cpf", cpf(2), "localizador", bought.json().path("passagem").path("localizador").asText()));
        assertThat(cancelled.status()).isEqualTo(200);

        assertThat(offersDirect("A", "B")).as("asked at once of the server that cancelled it").isTrue();
    }

    @Test
    void when_a_peer_restarts_then_every_image_of_it_follows_its_new_feed() {
        start("A", "B", "C");
        awaitImages("A", "B", "C");
        String before = imageOf("A", "B").base();

        cluster.stop("B");
        cluster.restart("B");
        assertThat(buy(cluster.uri("C"), cpf(3), List.of("B"), DIRECT).status()).isEqualTo(200);

        Cluster.await("A's image of B comes from B's new run, with C's sale", () -> {
            AvailabilityImage.State state = imageOf("A", "B");
            return state != null && !state.base().equals(before)
                    && state.free().get(CUIABA_GOIANIA) == cluster.count("B", "Cuiabá", "Goiânia").free();
        });
    }

    @Test
    void when_an_airline_is_stopped_then_it_is_unavailable_within_two_seconds_and_comes_back_by_itself() {
        start("A", "B", "C");
        awaitImages("A", "B", "C");

        cluster.stop("C");
        Awaitility.await("A lists C as unavailable").atMost(UNAVAILABLE_WITHIN).pollInterval(Duration.ofMillis(25))
                .until(() -> unavailable("A").equals(List.of("C")));

        cluster.restart("C");
        Cluster.await("A plans with C again", () -> unavailable("A").isEmpty() && offersAny("A", "C"));
    }

    @Test
    void when_an_airline_is_paused_with_its_connections_open_then_it_is_unavailable_within_two_seconds_and_comes_back() {
        start("A", "B", "C");
        awaitImages("A", "B", "C");

        cluster.proxy("C").set(FederationPaths.FEED, Fault.HOLD_REPLY); // C's feed stops flowing, its sockets stay open
        Awaitility.await("A lists C as unavailable").atMost(UNAVAILABLE_WITHIN).pollInterval(Duration.ofMillis(25))
                .until(() -> unavailable("A").equals(List.of("C")));

        cluster.proxy("C").heal();
        Cluster.await("A plans with C again", () -> unavailable("A").isEmpty());
    }

    @Test
    void when_sales_go_on_then_every_image_stays_equal_to_the_counters() throws Exception {
        start("A", "B", "C");
        awaitImages("A", "B", "C");
        List<Http.Reply> replies = Buyers.race(12, i -> buy(cluster.uri(List.of("A", "B", "C").get(i % 3)), cpf(100 + i),
                List.of("A", "B", "A"), List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Vitória")));
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 409));
        cluster.awaitQuiet();
        ImageAudit.awaitImagesExact(running());
    }

    private Map<String, AirlineNode> running() {
        Map<String, AirlineNode> nodes = new TreeMap<>();
        for (String id : List.of("A", "B", "C")) {
            if (cluster.isRunning(id)) {
                nodes.put(id, cluster.server(id).node());
            }
        }
        return nodes;
    }

    private void awaitImages(String... airlines) {
        Cluster.await("every server holds an image of every airline", () -> {
            for (String viewer : airlines) {
                for (String airline : airlines) {
                    if (imageOf(viewer, airline) == null) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    private AvailabilityImage.State imageOf(String viewer, String airline) {
        return cluster.server(viewer).node().availabilityImages().get(airline).state();
    }

    private JsonNode search(String server) {
        Http.Reply reply = Http.get(cluster.uri(server), "/caminhos_cliente", "origem", "Cuiabá", "destino", "Goiânia");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private List<String> unavailable(String server) {
        List<String> airlines = new ArrayList<>();
        search(server).path("companhias_indisponiveis").forEach(a -> airlines.add(a.asText()));
        return airlines;
    }

    /** Whether {@code server}'s answer lists {@code airline}'s direct Cuiabá → Goiânia among its paths. */
    private boolean offersDirect(String server, String airline) {
        for (JsonNode answer : search(server).path("caminhos_encontrados")) {
            if (answer.get(0).asText().equals(airline)) {
                for (int i = 1; i < answer.size(); i++) {
                    if (answer.get(i).toString().equals("[\"Cuiabá\",\"Goiânia\"]")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean offersAny(String server, String airline) {
        for (JsonNode answer : search(server).path("caminhos_encontrados")) {
            if (answer.get(0).asText().equals(airline) && answer.size() > 1) {
                return true;
            }
        }
        return false;
    }

}
