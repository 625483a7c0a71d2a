package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

class FederationPlannerPropertyTest {

    private static final List<String> AIRLINES = List.of("A", "B", "C", "D");

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void when_merging_random_answers_then_options_equal_the_rules_applied_to_every_simple_path(long seed) {
        Random random = new Random(seed);
        RouteNetwork network = RandomNetworks.network(random);
        String origin = RandomNetworks.city(random, network);
        String destination = RandomNetworks.city(random, network);
        List<AirlinePaths> answers = new ArrayList<>();
        for (String airline : AIRLINES.subList(0, 1 + random.nextInt(AIRLINES.size()))) {
            List<Segment> withSeats = RandomNetworks.subset(random, network, 0.7);
            int k = 1 + random.nextInt(10);
            answers.add(new AirlinePaths(airline, RandomNetworks.rate(random),
                    SimplePathsOracle.shortest(withSeats, origin, destination, k)));
        }
        // the connected airline may have answered nothing, or not at all ("Z")
        String connected = random.nextInt(5) == 0 ? "Z" : AIRLINES.get(random.nextInt(answers.size()));

        assertThat(FederationPlanner.plan(network, connected, origin, destination, answers))
                .as("seed %d, %s → %s, connected %s, answers %s", seed, origin, destination, connected, answers)
                .isEqualTo(SimplePathsOracle.plan(network, connected, origin, destination, answers));
    }
}
