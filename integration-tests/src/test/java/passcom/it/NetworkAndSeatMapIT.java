package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/** GET /rede and GET /assentos_cliente over real HTTP on a three-airline federation: any server answers for any leg. */
class NetworkAndSeatMapIT extends ClusterScenario {

    private static final String SP = "São Paulo";
    private static final String CWB = "Curitiba";

    @Test
    void when_any_server_is_asked_for_the_network_then_it_lists_every_city_segment_and_airline_with_its_price() {
        start("A", "B", "C");

        Http.Reply reply = Http.get(cluster.uri("B"), "/rede");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode rede = reply.json();
        RouteNetwork network = cluster.network();
        assertThat(rede.path("cidades")).hasSize(network.cities().size());
        JsonNode first = rede.path("cidades").get(0);
        var city = network.city(first.path("nome").asText());
        assertThat(first.path("lat").asDouble()).isEqualTo(city.latitude());
        assertThat(first.path("lon").asDouble()).isEqualTo(city.longitude());
        assertThat(rede.path("trechos")).hasSize(network.segments().size());
        JsonNode leg = find(rede.path("trechos"), SP, CWB);
        assertThat(leg.path("distancia_km").asInt()).isEqualTo(network.segment(SP, CWB).orElseThrow().km());
        assertThat(texts(leg.path("companhias"))).containsExactly("A", "B", "C");
        assertThat(rede.path("companhias")).hasSize(3);
        assertThat(rede.path("companhias").get(0).path("id").asText()).isEqualTo("A");
        assertThat(rede.path("companhias").get(0).path("preco_por_100km").decimalValue()).isEqualByComparingTo("115.00");
        assertThat(rede.path("companhias").get(2).path("preco_por_100km").decimalValue()).isEqualByComparingTo("155.00");
    }

    @Test
    void when_a_federation_runs_without_an_airline_of_the_file_then_the_network_does_not_offer_it() {
        start("A", "B");

        JsonNode rede = Http.get(cluster.uri("A"), "/rede").json();

        assertThat(rede.path("companhias").findValuesAsText("id")).containsExactly("A", "B");
        assertThat(texts(find(rede.path("trechos"), SP, CWB).path("companhias"))).containsExactly("A", "B");
    }

    @Test
    void when_a_server_is_asked_for_another_airlines_leg_then_it_shows_that_airlines_seats_taken_and_free() {
        start("A", "B", "C");
        assertThat(Buyers.buy(cluster.uri("C"), Buyers.cpf(1), List.of("B"), List.of(SP, CWB)).status()).isEqualTo(200);

        for (String server : List.of("A", "B", "C")) {
            Http.Reply reply = Http.get(cluster.uri(server), "/assentos_cliente", "origem", SP, "destino", CWB, "companhia", "B");

            assertThat(reply.status()).as(server + ": " + reply.json()).isEqualTo(200);
            JsonNode map = reply.json();
            assertThat(map.path("companhia").asText()).isEqualTo("B");
            assertThat(map.path("origem").asText()).isEqualTo(SP);
            assertThat(map.path("destino").asText()).isEqualTo(CWB);
            assertThat(map.path("capacidade").asInt()).isEqualTo(3);
            assertThat(map.path("livres").asInt()).isEqualTo(2);
            assertThat(map.path("assentos")).hasSize(3);
            assertThat(map.path("assentos").get(0).path("numero").asInt()).isEqualTo(1);
            assertThat(map.path("assentos").get(0).path("livre").asBoolean()).as("seat 1 was sold").isFalse();
            assertThat(map.path("assentos").get(1).path("livre").asBoolean()).isTrue();
        }
        Http.Reply other = Http.get(cluster.uri("A"), "/assentos_cliente", "origem", SP, "destino", CWB, "companhia", "C");
        assertThat(other.json().path("livres").asInt()).as("C's seats on the same segment are its own").isEqualTo(3);
    }

    @Test
    void when_the_seat_map_names_an_unknown_city_segment_or_airline_then_400_says_which() {
        RouteNetwork network = withoutSegment(Networks.defaultNetwork(), "C", SP, CWB);
        start(network, "A", "B", "C");

        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "origem", "Atlantis", "destino", CWB, "companhia", "A"), "Atlantis");
        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "origem", "Cuiabá", "destino", "Porto Alegre", "companhia", "A"),
                "Cuiabá → Porto Alegre");
        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "origem", SP, "destino", CWB, "companhia", "Z"), "Z");
        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "origem", SP, "destino", CWB, "companhia", "C"), "não voa");
        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "origem", SP, "destino", CWB), "companhia");
        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "origem", SP, "destino", SP, "companhia", "A"), SP);
    }

    @Test
    void when_the_airline_that_flies_the_leg_is_down_then_503_names_it() {
        start("A", "B", "C");
        cluster.stop("B");

        Http.Reply reply = Http.get(cluster.uri("A"), "/assentos_cliente", "origem", SP, "destino", CWB, "companhia", "B");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.erro()).contains("B");
    }

    private static void assertRejected(Http.Reply reply, String mentions) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(400);
        assertThat(reply.erro()).contains(mentions);
    }

    private static JsonNode find(JsonNode trechos, String from, String to) {
        for (JsonNode trecho : trechos) {
            if (trecho.path("origem").asText().equals(from) && trecho.path("destino").asText().equals(to)) {
                return trecho;
            }
        }
        throw new AssertionError("no segment " + from + " → " + to + " in " + trechos);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static RouteNetwork withoutSegment(RouteNetwork network, String airline, String from, String to) {
        Airline a = network.airline(airline).orElseThrow();
        var capacity = new TreeMap<>(a.capacity());
        capacity.remove(new Segment.Key(from, to));
        return network.withAirline(a.withCapacity(capacity));
    }
}
