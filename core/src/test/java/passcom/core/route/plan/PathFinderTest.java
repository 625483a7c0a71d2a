package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/** Expected paths worked out by hand from data/network.json. */
class PathFinderTest {

    private static final RouteNetwork NETWORK = DefaultRoutes.NETWORK;
    private static final List<String> VIA_CURITIBA = DefaultRoutes.VIA_CURITIBA;
    private static final List<String> VIA_SAO_PAULO = DefaultRoutes.VIA_SAO_PAULO;

    @Test
    void when_A_has_seats_everywhere_then_Cuiaba_to_Porto_Alegre_goes_via_Campo_Grande_and_Curitiba() {
        List<List<String>> paths = new PathFinder(NETWORK.segmentsFlownBy("A")).shortest("Cuiabá", "Porto Alegre", 10);

        // 700 + 1000 + 300 + 460 = 2460 km; next 700 + 980 + 400 + 300 + 460 = 2840 km
        assertThat(paths).hasSize(10);
        assertThat(paths.get(0)).isEqualTo(VIA_CURITIBA);
        assertThat(SimplePathsOracle.km(NETWORK.segments(), paths.get(0))).isEqualTo(2460);
        assertThat(paths.get(1)).isEqualTo(VIA_SAO_PAULO);
        assertThat(SimplePathsOracle.km(NETWORK.segments(), paths.get(1))).isEqualTo(2840);
    }

    @Test
    void when_A_has_no_seat_from_Campo_Grande_to_Curitiba_then_its_shortest_goes_via_Sao_Paulo() {
        List<Segment> withSeats = withoutSegment(NETWORK.segmentsFlownBy("A"), "Campo Grande", "Curitiba");

        List<List<String>> paths = new PathFinder(withSeats).shortest("Cuiabá", "Porto Alegre", 10);

        assertThat(paths.get(0)).isEqualTo(VIA_SAO_PAULO);
        assertThat(paths).doesNotContain(VIA_CURITIBA);
    }

    @Test
    void when_paths_are_equally_long_then_city_names_decide() {
        List<Segment> square = List.of(
                new Segment("Natal", "Recife", 2), new Segment("Recife", "Belém", 3),
                new Segment("Natal", "Aracaju", 3), new Segment("Aracaju", "Belém", 2));

        assertThat(new PathFinder(square).shortest("Natal", "Belém", 2)).containsExactly(
                List.of("Natal", "Aracaju", "Belém"), List.of("Natal", "Recife", "Belém"));
        assertThat(new PathFinder(square).shortest("Natal", "Belém", 1)).containsExactly(
                List.of("Natal", "Aracaju", "Belém"));
    }

    @Test
    void when_origin_is_destination_or_a_city_has_no_segment_then_no_paths() {
        PathFinder finder = new PathFinder(NETWORK.segmentsFlownBy("A"));

        assertThat(finder.shortest("Cuiabá", "Cuiabá", 10)).isEmpty();
        assertThat(finder.shortest("Cuiabá", "Recife", 10)).isEmpty();
        assertThat(finder.shortest("Recife", "Cuiabá", 10)).isEmpty();
        assertThat(finder.shortest("Cuiabá", "Porto Alegre", 0)).isEmpty();
        assertThat(new PathFinder(List.of()).shortest("Cuiabá", "Porto Alegre", 10)).isEmpty();
    }

    @Test
    void when_no_path_joins_the_cities_then_no_paths() {
        List<Segment> oneWay = List.of(new Segment("Natal", "Recife", 280));

        assertThat(new PathFinder(oneWay).shortest("Recife", "Natal", 10)).isEmpty();
    }

    @Test
    void when_a_segment_is_listed_twice_then_it_counts_once_with_its_first_distance() {
        List<Segment> twice = List.of(new Segment("Natal", "Recife", 280), new Segment("Recife", "Maceió", 250),
                new Segment("Natal", "Recife", 900), new Segment("Natal", "Maceió", 600),
                new Segment("Recife", "Maceió", 250));

        assertThat(new PathFinder(twice).shortest("Natal", "Maceió", 10))
                .containsExactly(List.of("Natal", "Recife", "Maceió"), List.of("Natal", "Maceió"));
    }

    static List<Segment> withoutSegment(List<Segment> segments, String origin, String destination) {
        return segments.stream().filter(s -> !(s.origin().equals(origin) && s.destination().equals(destination))).toList();
    }
}
