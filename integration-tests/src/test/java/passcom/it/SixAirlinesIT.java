package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static passcom.it.Buyers.cpf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.generate.PriceLadder;
import passcom.core.seat.SeatInventory;

/**
 * A federation of six airlines (issue 19, "any number of airlines") in this JVM over real HTTP, on a network built
 * so that the best trip from Cuiabá to Florianópolis takes one leg of each. The trip is the chain Cuiabá → Goiânia →
 * Belo Horizonte → Rio de Janeiro → São Paulo → Curitiba → Florianópolis; airline i (A = 0) flies the chain's first
 * i + 1 legs and then, to reach Florianópolis on its own, a long detour through Manaus (F flies the whole chain). Each
 * airline answers only with its own whole paths, so leg i is offered by airlines i to F, and the cheapest of them is
 * airline i (the {@link PriceLadder}: A at R$ 115 per 100 km, F at 215): the merged answer flies A, B, C, D, E, F,
 * which no single airline's answer holds. Every leg has 3 seats. After each test every hold is decided and the seat
 * audit holds on all six ({@link ClusterScenario}).
 */
class SixAirlinesIT extends ClusterScenario {

    private static final List<String> AIRLINES = List.of("A", "B", "C", "D", "E", "F");
    private static final List<String> CHAIN = List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Rio de Janeiro", "São Paulo",
            "Curitiba", "Florianópolis");
    private static final int SEATS = 3;
    private static final String DETOUR = "Manaus";
    private static final int DETOUR_KM = 3000;

    @Test
    void when_the_best_trip_takes_a_leg_of_each_of_six_airlines_then_every_server_merges_it_from_their_answers() {
        RouteNetwork network = chain();
        start(network, AIRLINES.toArray(String[]::new));

        for (String server : AIRLINES) {
            Http.Reply reply = Http.get(cluster.uri(server), "/caminhos_cliente", "origem", "Cuiabá", "destino", "Florianópolis");

            assertThat(reply.status()).as("%s: %s", server, reply.json()).isEqualTo(200);
            JsonNode json = reply.json();
            assertThat(json.path("companhias_indisponiveis")).as(server).isEmpty();
            List<String> answered = new ArrayList<>();
            json.path("caminhos_encontrados").forEach(paths -> answered.add(paths.get(0).asText()));
            assertThat(answered).as("%s: airlines whose paths were merged", server).containsExactlyInAnyOrderElementsOf(AIRLINES);
            JsonNode cheapest = json.path("mais_baratos").get(0);
            assertThat(strings(cheapest.path("caminho").get(0))).as("%s: each leg by the cheapest airline offering it", server)
                    .isEqualTo(AIRLINES);
            assertThat(strings(cheapest.path("caminho").get(1))).as(server).isEqualTo(CHAIN);
            assertThat(cheapest.path("preco").decimalValue()).as("%s: each leg at its airline's price", server)
                    .isEqualByComparingTo(fare(network, AIRLINES).toBigDecimal());
            JsonNode shortest = json.path("mais_curtos").get(0);
            List<String> connectedFirst = connectedFirst(server);
            assertThat(strings(shortest.path("caminho").get(0))).as("%s: its own legs while it offers them, then the cheapest", server)
                    .isEqualTo(connectedFirst);
            assertThat(strings(shortest.path("caminho").get(1))).as(server).isEqualTo(CHAIN);
            assertThat(shortest.path("preco").decimalValue()).as(server).isEqualByComparingTo(fare(network, connectedFirst).toBigDecimal());
        }
    }

    @Test
    void when_a_trip_across_six_airlines_is_bought_then_every_leg_is_sold_and_a_cancellation_through_another_server_frees_them_all() {
        start(chain(), AIRLINES.toArray(String[]::new));

        Http.Reply bought = Buyers.buy(cluster.uri("A"), cpf(1), AIRLINES, CHAIN);

        assertThat(bought.status()).as(bought.json().toString()).isEqualTo(200);
        JsonNode passagem = bought.json().path("passagem");
        assertThat(passagem.path("trechos")).hasSize(AIRLINES.size());
        String reference = passagem.path("localizador").asText();
        cluster.awaitQuiet();
        assertEveryLeg(new SeatInventory.Count(SEATS - 1, 0, 1));
        for (String server : AIRLINES) {
            JsonNode listed = Http.get(cluster.uri(server), "/passagens_cliente", "cpf", cpf(1)).json().path("passagens");
            assertThat(listed).as("bookings of the buyer on %s", server).hasSize(1);
            assertThat(listed.get(0).path("localizador").asText()).isEqualTo(reference);
        }

        Http.Reply cancelled = Http.post(cluster.uri("F"), "/cancelar_cliente", Map.of("cpf", cpf(1), "localizador", reference));

        assertThat(cancelled.status()).as(cancelled.json().toString()).isEqualTo(200);
        cluster.awaitQuiet();
        assertEveryLeg(new SeatInventory.Count(SEATS, 0, 0));
        assertThat(Http.get(cluster.uri("C"), "/passagens_cliente", "cpf", cpf(1)).json().path("passagens")).isEmpty();
    }

    @Test
    void when_six_buyers_race_through_six_servers_for_three_seats_on_every_leg_then_three_get_every_leg_and_three_get_none()
            throws Exception {
        start(chain(), AIRLINES.toArray(String[]::new));

        List<Http.Reply> replies = Buyers.race(AIRLINES.size(), i -> Buyers.buy(cluster.uri(AIRLINES.get(i)), cpf(10 + i), AIRLINES, CHAIN));

        assertThat(Buyers.count(replies, 200)).as(Buyers.summary(replies)).isEqualTo(SEATS);
        assertThat(replies).as(Buyers.summary(replies)).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        cluster.awaitQuiet();
        assertEveryLeg(new SeatInventory.Count(0, 0, SEATS));
    }

    private void assertEveryLeg(SeatInventory.Count expected) {
        for (int leg = 0; leg < AIRLINES.size(); leg++) {
            assertThat(cluster.count(AIRLINES.get(leg), CHAIN.get(leg), CHAIN.get(leg + 1)))
                    .as("%s %s → %s", AIRLINES.get(leg), CHAIN.get(leg), CHAIN.get(leg + 1)).isEqualTo(expected);
        }
    }

    /** The chain (distances of the default network) and the detour through Manaus, flown as the class comment says. */
    private static RouteNetwork chain() {
        RouteNetwork original = Networks.defaultNetwork();
        List<City> cities = new ArrayList<>(CHAIN.stream().map(original::city).toList());
        cities.add(new City(DETOUR, -3.12, -60.02));
        List<Segment> segments = new ArrayList<>();
        for (int leg = 0; leg < AIRLINES.size(); leg++) {
            int km = original.segment(CHAIN.get(leg), CHAIN.get(leg + 1)).orElseThrow().km();
            segments.addAll(bothWays(CHAIN.get(leg), CHAIN.get(leg + 1), km));
            segments.addAll(bothWays(CHAIN.get(leg + 1), DETOUR, DETOUR_KM));
        }
        List<Airline> airlines = new ArrayList<>();
        for (int i = 0; i < AIRLINES.size(); i++) {
            Map<Segment.Key, Integer> capacity = new TreeMap<>();
            for (int leg = 0; leg <= i; leg++) {
                flies(capacity, CHAIN.get(leg), CHAIN.get(leg + 1));
            }
            if (i < AIRLINES.size() - 1) {
                flies(capacity, CHAIN.get(i + 1), DETOUR);
                flies(capacity, DETOUR, CHAIN.get(CHAIN.size() - 1));
            }
            airlines.add(new Airline(AIRLINES.get(i), PriceLadder.priceOf(i), new TreeMap<>(capacity)));
        }
        return new RouteNetwork(cities, segments, airlines);
    }

    private static List<Segment> bothWays(String from, String to, int km) {
        return List.of(new Segment(from, to, km), new Segment(to, from, km));
    }

    private static void flies(Map<Segment.Key, Integer> capacity, String from, String to) {
        capacity.put(new Segment.Key(from, to), SEATS);
        capacity.put(new Segment.Key(to, from), SEATS);
    }

    /**
     * The planner's rule for the shortest trips: each leg flown by the airline whose server was asked when it offered
     * that leg (airline i offers the chain's first i + 1), otherwise by the cheapest that did (leg k: airline k).
     */
    private static List<String> connectedFirst(String server) {
        int connected = AIRLINES.indexOf(server);
        List<String> legs = new ArrayList<>();
        for (int leg = 0; leg < AIRLINES.size(); leg++) {
            legs.add(leg <= connected ? server : AIRLINES.get(leg));
        }
        return legs;
    }

    private static Money fare(RouteNetwork network, List<String> legAirlines) {
        Money fare = Money.ZERO;
        for (int leg = 0; leg < legAirlines.size(); leg++) {
            int km = network.segment(CHAIN.get(leg), CHAIN.get(leg + 1)).orElseThrow().km();
            fare = fare.plus(network.airline(legAirlines.get(leg)).orElseThrow().pricePer100Km().forDistance(km));
        }
        return fare;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
