package passcom.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.money.Money;
import passcom.core.route.generate.NetworkGenerator;

class NetworkWriterTest {

    @Test
    void when_the_default_network_is_written_and_loaded_then_it_is_equal() {
        RouteNetwork network = NetworkLoader.loadDefault();

        assertEqual(roundTrip(network), network);
    }

    @Test
    void when_a_generated_network_with_partial_airlines_and_mixed_seats_is_written_and_loaded_then_it_is_equal(@TempDir Path dir) {
        RouteNetwork network = NetworkGenerator.generate(3, 300, 5, 3);

        assertEqual(NetworkLoader.load(NetworkWriter.write(network, dir.resolve("n.json"))), network);
    }

    @Test
    void when_a_segment_flies_one_way_or_has_a_price_in_cents_then_it_survives_the_round_trip() {
        List<City> cities = List.of(new City("X", -1, -40), new City("Y", -2, -41));
        List<Segment> segments = List.of(new Segment("X", "Y", 100), new Segment("Y", "X", 120));
        var capacity = new TreeMap<Segment.Key, Integer>();
        capacity.put(new Segment.Key("X", "Y"), 7);
        RouteNetwork network = new RouteNetwork(cities, segments, List.of(new Airline("Q", Money.of("99.95"), capacity)));

        assertEqual(roundTrip(network), network);
    }

    private static RouteNetwork roundTrip(RouteNetwork network) {
        byte[] json = NetworkWriter.toJson(network).toString().getBytes(StandardCharsets.UTF_8);
        return NetworkLoader.load(new ByteArrayInputStream(json));
    }

    private static void assertEqual(RouteNetwork actual, RouteNetwork expected) {
        assertThat(List.copyOf(actual.cities())).isEqualTo(List.copyOf(expected.cities()));
        assertThat(List.copyOf(actual.segments())).isEqualTo(List.copyOf(expected.segments()));
        assertThat(List.copyOf(actual.airlines())).isEqualTo(List.copyOf(expected.airlines()));
    }
}
