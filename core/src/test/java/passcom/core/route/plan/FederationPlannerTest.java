package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;
import passcom.core.route.Itinerary;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * Cuiabá → Porto Alegre on the default network, priced by hand: A = 115, B = 135, C = 155 per 100 km.
 * Via Curitiba: 700 + 1000 + 300 + 460 km. Via São Paulo: 700 + 980 + 400 + 300 + 460 km.
 */
class FederationPlannerTest {

    private static final RouteNetwork NETWORK = DefaultRoutes.NETWORK;
    private static final List<String> VIA_CURITIBA = DefaultRoutes.VIA_CURITIBA;
    private static final List<String> VIA_SAO_PAULO = DefaultRoutes.VIA_SAO_PAULO;

    @Test
    void when_every_airline_has_seats_then_A_flies_the_whole_shortest_route() {
        RouteOptions options = FederationPlanner.plan(NETWORK, "A", "Cuiabá", "Porto Alegre", answers(List.of()));

        Itinerary shortest = options.shortest().get(0);
        assertThat(shortest.cities()).isEqualTo(VIA_CURITIBA);
        assertThat(shortest.airlines()).containsExactly("A", "A", "A", "A");
        assertThat(shortest.km()).isEqualTo(2460);
        // 805.00 + 1150.00 + 345.00 + 529.00
        assertThat(shortest.price()).isEqualTo(Money.of("2829.00"));
        assertThat(options.cheapest().get(0)).isEqualTo(shortest);
        assertThat(options.shortest()).hasSize(5);
        assertThat(options.cheapest()).hasSize(5);
    }

    @Test
    void when_connected_to_B_then_the_shortest_list_flies_B_and_the_cheapest_list_flies_A() {
        RouteOptions options = FederationPlanner.plan(NETWORK, "B", "Cuiabá", "Porto Alegre", answers(List.of()));

        Itinerary shortest = options.shortest().get(0);
        assertThat(shortest.airlines()).containsExactly("B", "B", "B", "B");
        // 945.00 + 1350.00 + 405.00 + 621.00
        assertThat(shortest.price()).isEqualTo(Money.of("3321.00"));
        assertThat(options.cheapest().get(0).airlines()).containsExactly("A", "A", "A", "A");
        assertThat(options.cheapest().get(0).price()).isEqualTo(Money.of("2829.00"));
    }

    @Test
    void when_A_has_no_seat_from_Campo_Grande_to_Curitiba_then_B_flies_that_leg() {
        RouteOptions options = FederationPlanner.plan(NETWORK, "A", "Cuiabá", "Porto Alegre",
                answers(List.of(new Segment.Key("Campo Grande", "Curitiba"))));

        Itinerary shortest = options.shortest().get(0);
        assertThat(shortest.cities()).isEqualTo(VIA_CURITIBA);
        assertThat(shortest.airlines()).containsExactly("A", "B", "A", "A");
        assertThat(shortest.legs().get(1).price()).isEqualTo(Money.of("1350.00"));
        // 805.00 + 1350.00 + 345.00 + 529.00
        assertThat(shortest.price()).isEqualTo(Money.of("3029.00"));

        Itinerary second = options.shortest().get(1);
        assertThat(second.cities()).isEqualTo(VIA_SAO_PAULO);
        assertThat(second.airlines()).containsOnly("A");
        // 805.00 + 1127.00 + 460.00 + 345.00 + 529.00
        assertThat(second.price()).isEqualTo(Money.of("3266.00"));

        assertThat(options.cheapest().subList(0, 2)).containsExactly(shortest, second);
    }

    @Test
    void when_two_airlines_are_equally_cheap_then_the_lower_id_flies() {
        List<String> path = List.of("Curitiba", "Florianópolis");
        RouteOptions options = FederationPlanner.plan(NETWORK, "C", "Curitiba", "Florianópolis", List.of(
                new AirlinePaths("Y", Money.of("100"), List.of(path)),
                new AirlinePaths("X", Money.of("100"), List.of(path))));

        assertThat(options.shortest().get(0).airlines()).containsExactly("X");
        assertThat(options.cheapest().get(0).airlines()).containsExactly("X");
        assertThat(options.cheapest().get(0).price()).isEqualTo(Money.of("300.00"));
    }

    @Test
    void when_nobody_offers_a_path_then_both_lists_are_empty() {
        RouteOptions options = FederationPlanner.plan(NETWORK, "A", "Cuiabá", "Porto Alegre", List.of(
                new AirlinePaths("A", Money.of("115"), List.of())));

        assertThat(options.shortest()).isEmpty();
        assertThat(options.cheapest()).isEmpty();
    }

    @Test
    void when_an_answer_steps_between_cities_the_network_does_not_join_then_it_is_rejected() {
        List<AirlinePaths> bogus = List.of(new AirlinePaths("B", Money.of("135"), List.of(List.of("Cuiabá", "Porto Alegre"))));

        assertThatThrownBy(() -> FederationPlanner.plan(NETWORK, "A", "Cuiabá", "Porto Alegre", bogus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("airline B")
                .hasMessageContaining("Cuiabá → Porto Alegre");
    }

    /** Every airline's real answer (its 10 shortest paths) when A has no seat on {@code soldOutForA}. */
    private static List<AirlinePaths> answers(List<Segment.Key> soldOutForA) {
        return NETWORK.airlines().stream().map(airline -> {
            List<Segment> withSeats = NETWORK.segmentsFlownBy(airline.id()).stream()
                    .filter(s -> !(airline.id().equals("A") && soldOutForA.contains(s.key())))
                    .toList();
            return new AirlinePaths(airline.id(), airline.pricePer100Km(),
                    new PathFinder(withSeats).shortest("Cuiabá", "Porto Alegre", 10));
        }).toList();
    }
}
