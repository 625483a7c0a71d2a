package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

class PathFinderPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void when_searching_a_random_network_then_answer_equals_sorted_enumeration_of_all_simple_paths(long seed) {
        Random random = new Random(seed);
        RouteNetwork network = RandomNetworks.network(random);
        List<Segment> usable = RandomNetworks.subset(random, network, 0.8);
        PathFinder finder = new PathFinder(usable);
        for (int query = 0; query < 5; query++) {
            String origin = RandomNetworks.city(random, network);
            String destination = RandomNetworks.city(random, network);
            int k = 1 + random.nextInt(12);

            assertThat(finder.shortest(origin, destination, k))
                    .as("seed %d, %s → %s, k=%d, segments %s", seed, origin, destination, k, usable)
                    .isEqualTo(SimplePathsOracle.shortest(usable, origin, destination, k));
        }
    }
}
