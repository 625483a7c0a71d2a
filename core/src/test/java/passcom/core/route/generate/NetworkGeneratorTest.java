package passcom.core.route.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.City;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

class NetworkGeneratorTest {

    @Test
    void when_generated_twice_with_one_seed_then_the_networks_are_equal() {
        RouteNetwork first = NetworkGenerator.generate(42, 300, 5, 3);
        RouteNetwork second = NetworkGenerator.generate(42, 300, 5, 3);

        assertThat(List.copyOf(second.cities())).isEqualTo(List.copyOf(first.cities()));
        assertThat(List.copyOf(second.segments())).isEqualTo(List.copyOf(first.segments()));
        assertThat(List.copyOf(second.airlines())).isEqualTo(List.copyOf(first.airlines()));
    }

    @Test
    void when_generated_for_twelve_airlines_then_a_b_c_and_the_segments_are_those_of_three_and_the_rest_climb_the_price_ladder() {
        RouteNetwork three = NetworkGenerator.generate(1, 300, 5, 3, 2000);
        RouteNetwork twelve = NetworkGenerator.generate(1, 300, 5, 12, 2000);

        assertThat(List.copyOf(twelve.segments())).isEqualTo(List.copyOf(three.segments()));
        assertThat(twelve.airlines()).extracting(Airline::id).containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L");
        for (String id : List.of("A", "B", "C")) {
            assertThat(twelve.airline(id)).isEqualTo(three.airline(id));
        }
        assertThat(twelve.airline("L").orElseThrow().pricePer100Km()).isEqualTo(Money.of("335.00"));
    }

    @Test
    void when_the_command_asks_for_six_airlines_then_the_file_prices_a_to_f_on_the_ladder(@TempDir Path dir) {
        Path out = dir.resolve("six.json");

        GenerateNetwork.run(new String[] {"--cities", "30", "--seats", "7", "--airlines", "6", "--out", out.toString()});

        RouteNetwork loaded = NetworkLoader.load(out);
        assertThat(loaded.airlines()).extracting(Airline::id).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(loaded.airline("F").orElseThrow().pricePer100Km()).isEqualTo(Money.of("215.00"));
    }

    @Test
    void when_a_flag_of_the_command_has_no_value_then_it_says_which() {
        assertThatThrownBy(() -> GenerateNetwork.run(new String[] {"--cities", "30", "--out"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--out needs a value");
    }

    @Test
    void when_seeds_differ_then_the_networks_differ() {
        assertThat(List.copyOf(NetworkGenerator.generate(2, 50, 4, 1).cities()))
                .isNotEqualTo(List.copyOf(NetworkGenerator.generate(1, 50, 4, 1).cities()));
    }

    @ParameterizedTest(name = "{0} cities, degree {1}")
    @CsvSource({"2, 1", "5, 2", "6, 10", "100, 5", "1000, 5"})
    void when_generated_then_it_has_the_requested_size_and_is_connected(int size, double degree) {
        RouteNetwork network = NetworkGenerator.generate(7, size, degree, 3);

        long links = Math.min((long) size * (size - 1) / 2, Math.max(size - 1, Math.round(size * degree / 2)));
        assertThat(network.cities()).hasSize(size);
        assertThat(network.segments()).hasSize((int) (2 * links));
        assertThat(reachableFrom(network, network.cities().iterator().next().name())).hasSize(size);
    }

    @Test
    void when_generated_then_segments_go_both_ways_with_the_distance_of_the_coordinates() {
        RouteNetwork network = NetworkGenerator.generate(3, 200, 5, 1);

        for (Segment segment : network.segments()) {
            assertThat(network.segment(segment.destination(), segment.origin())).map(Segment::km).contains(segment.km());
            double km = NetworkGenerator.haversineKm(network.city(segment.origin()), network.city(segment.destination()));
            assertThat((double) segment.km()).isCloseTo(Math.max(1, km), within(0.5));
        }
        for (City city : network.cities()) {
            assertThat(city.latitude()).isBetween(NetworkGenerator.MIN_LATITUDE, NetworkGenerator.MAX_LATITUDE);
            assertThat(city.longitude()).isBetween(NetworkGenerator.MIN_LONGITUDE, NetworkGenerator.MAX_LONGITUDE);
        }
    }

    @Test
    void when_generated_then_airlines_have_distinct_prices_A_flies_everything_and_seats_are_positive() {
        RouteNetwork network = NetworkGenerator.generate(5, 100, 5, 3);

        assertThat(network.airlines()).extracting(Airline::id).containsExactly("A", "B", "C");
        assertThat(network.airlines()).extracting(Airline::pricePer100Km)
                .containsExactly(Money.of("115"), Money.of("135"), Money.of("155"));
        assertThat(network.segmentsFlownBy("A")).hasSameSizeAs(network.segments());
        assertThat(network.segmentsFlownBy("B")).isNotEmpty().hasSizeLessThan(network.segments().size());
        network.airlines().forEach(a -> assertThat(a.capacity().values()).allMatch(seats -> seats >= 1 && seats <= 5));
    }

    @Test
    void when_seats_are_fixed_then_the_network_is_the_same_with_that_capacity_everywhere() {
        RouteNetwork random = NetworkGenerator.generate(9, 200, 5, 3);
        RouteNetwork fixed = NetworkGenerator.generate(9, 200, 5, 3, 100);

        assertThat(List.copyOf(fixed.segments())).isEqualTo(List.copyOf(random.segments()));
        for (Airline airline : fixed.airlines()) {
            assertThat(airline.capacity().keySet()).isEqualTo(random.airline(airline.id()).orElseThrow().capacity().keySet());
            assertThat(airline.capacity().values()).containsOnly(100);
        }
    }

    @Test
    void when_asked_for_a_1000_city_network_then_it_has_about_5000_segments() {
        assertThat(NetworkGenerator.generate(1, 1000, 5, 3, 100).segments()).hasSize(5000);
    }

    @Test
    void when_coordinates_are_known_then_haversine_gives_the_great_circle_distance() {
        // São Paulo to Rio de Janeiro is about 360 km as the crow flies
        double km = NetworkGenerator.haversineKm(new City("São Paulo", -23.55, -46.63), new City("Rio de Janeiro", -22.91, -43.17));

        assertThat(km).isCloseTo(361, within(5.0));
    }

    private static Set<String> reachableFrom(RouteNetwork network, String start) {
        Set<String> seen = new HashSet<>(List.of(start));
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String city = queue.poll();
            for (Segment segment : network.segments()) {
                if (segment.origin().equals(city) && seen.add(segment.destination())) {
                    queue.add(segment.destination());
                }
            }
        }
        return seen;
    }
}
