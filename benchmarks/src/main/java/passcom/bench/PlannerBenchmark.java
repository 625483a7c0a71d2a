package passcom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import passcom.core.route.Airline;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.generate.NetworkGenerator;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.FederationPlanner;
import passcom.core.route.plan.PathFinder;
import passcom.core.route.plan.RouteOptions;

/**
 * The route planner on generated networks of 100, 1,000 and 5,000 cities with average degree 5 (about
 * 5 directed segments per city) and 3 airlines. One origin/destination pair per size, drawn from a
 * fixed seed. Command: docs/PERFORMANCE.md; past results: docs/history/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmark {

    private static final long SEED = 2024;
    private static final int PATHS_PER_AIRLINE = 10;

    @Param({"100", "1000", "5000"})
    public int cities;

    private RouteNetwork network;
    private List<Segment> segmentsOfA;
    private PathFinder finderOfA;
    private String origin;
    private String destination;
    private List<AirlinePaths> answers;

    @Setup
    public void setUp() {
        network = NetworkGenerator.generate(SEED, cities, 5, 3);
        List<City> all = List.copyOf(network.cities());
        Random random = new Random(SEED);
        origin = all.get(random.nextInt(all.size())).name();
        do {
            destination = all.get(random.nextInt(all.size())).name();
        } while (destination.equals(origin));
        segmentsOfA = network.segmentsFlownBy("A");
        finderOfA = new PathFinder(segmentsOfA);
        answers = new ArrayList<>();
        for (Airline airline : network.airlines()) {
            List<List<String>> paths = new PathFinder(network.segmentsFlownBy(airline.id()))
                    .shortest(origin, destination, PATHS_PER_AIRLINE);
            answers.add(new AirlinePaths(airline.id(), airline.pricePer100Km(), paths));
        }
        if (answers.get(0).paths().size() < PATHS_PER_AIRLINE) {
            throw new IllegalStateException("the benchmark pair has fewer than 10 paths: " + origin + " → " + destination);
        }
    }

    /** One airline's answer, graph already built. */
    @Benchmark
    public List<List<String>> pathFinderQuery() {
        return finderOfA.shortest(origin, destination, PATHS_PER_AIRLINE);
    }

    /** One airline's answer as a server computes it per search: build the graph of free segments, then query. */
    @Benchmark
    public List<List<String>> pathFinderBuildAndQuery() {
        return new PathFinder(segmentsOfA).shortest(origin, destination, PATHS_PER_AIRLINE);
    }

    /** Merging three airlines' answers into the 5 shortest and 5 cheapest itineraries. */
    @Benchmark
    public RouteOptions federationPlan() {
        return FederationPlanner.plan(network, "A", origin, destination, answers);
    }
}
