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
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.generate.NewAirlines;
import passcom.core.seat.SeatInventory;

/**
 * A federation of six airlines (issue 19, "any number of airlines") in this JVM over real HTTP: the default
 * network given D, E and F by {@link NewAirlines}, then cut to a chain where each airline flies one leg of
 * Cuiabá → Goiânia → Belo Horizonte → Rio de Janeiro → São Paulo → Curitiba → Florianópolis (both ways, 3 seats).
 * The only way from Cuiabá to Florianópolis takes a leg of every airline, so a route answer that lists it was
 * planned from all six answers; a purchase of it sells a seat on six airlines at once. After each test every hold
 * is decided and the seat audit holds on all six ({@link ClusterScenario}).
 */
class SixAirlinesIT extends ClusterScenario {

    private static final List<String> AIRLINES = List.of("A", "B", "C", "D", "E", "F");
    private static final List<String> CHAIN = List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Rio de Janeiro", "São Paulo",
            "Curitiba", "Florianópolis");
    private static final int SEATS = 3;

    @Test
    void when_asked_for_a_trip_only_all_six_can_fly_then_every_server_plans_it_from_every_airline_s_legs() {
        RouteNetwork network = chain();
        start(network, AIRLINES.toArray(String[]::new));

        for (String server : AIRLINES) {
            Http.Reply reply = Http.get(cluster.uri(server), "/caminhos_cliente", "origem", "Cuiabá", "destino", "Florianópolis");

            assertThat(reply.status()).as("%s: %s", server, reply.json()).isEqualTo(200);
            JsonNode json = reply.json();
            assertThat(json.path("companhias_indisponiveis")).as(server).isEmpty();
            assertThat(json.path("mais_curtos")).as(server).hasSize(1);
            JsonNode route = json.path("mais_curtos").get(0);
            assertThat(strings(route.path("caminho").get(0))).as("%s: one leg per airline", server).isEqualTo(AIRLINES);
            assertThat(strings(route.path("caminho").get(1))).as(server).isEqualTo(CHAIN);
            assertThat(route.path("preco").decimalValue()).as("%s: each leg at its airline's price", server)
                    .isEqualByComparingTo(chainFare(network).toBigDecimal());
            assertThat(json.path("mais_baratos").get(0)).as(server).isEqualTo(route);
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

    /** The default network flown by six airlines, each on one leg of the chain only (both ways). */
    private static RouteNetwork chain() {
        RouteNetwork network = NewAirlines.addTo(Networks.defaultNetwork(), AIRLINES);
        for (int leg = 0; leg < AIRLINES.size(); leg++) {
            Airline airline = network.airline(AIRLINES.get(leg)).orElseThrow();
            var capacity = new TreeMap<Segment.Key, Integer>();
            capacity.put(new Segment.Key(CHAIN.get(leg), CHAIN.get(leg + 1)), SEATS);
            capacity.put(new Segment.Key(CHAIN.get(leg + 1), CHAIN.get(leg)), SEATS);
            network = network.withAirline(airline.withCapacity(capacity));
        }
        return network;
    }

    private static Money chainFare(RouteNetwork network) {
        Money fare = Money.ZERO;
        for (int leg = 0; leg < AIRLINES.size(); leg++) {
            int km = network.segment(CHAIN.get(leg), CHAIN.get(leg + 1)).orElseThrow().km();
            fare = fare.plus(network.airline(AIRLINES.get(leg)).orElseThrow().pricePer100Km().forDistance(km));
        }
        return fare;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
