package passcom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import passcom.bench.load.BenchNetworks;
import passcom.core.availability.AirlineImages;
import passcom.core.availability.FeedMessage;
import passcom.core.availability.FeedSource;
import passcom.core.route.Airline;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.generate.NewAirlines;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.FederationPlanner;
import passcom.core.route.plan.RouteOptions;
import passcom.core.route.plan.SameInputsMemo;
import passcom.core.seat.FreeCount;

/**
 * A route search planned from a server's images (issue 19 §2): each airline's 10 best paths from its
 * {@link AirlineImages} plan, then the merge, memoised the way {@code RouteSearchHandler} memoises it. At 3, 6 and
 * 12 airlines on the default network (10 cities: every trip repeats, so answers come from the memos) and on the
 * generated 1,000- and 5,000-city networks (random trips that rarely repeat: each search plans afresh).
 * {@code soldOut} segments of each airline but the first have no free seat, drawn apart per airline, so their
 * free sets differ. The images come from in-process feeds that send one snapshot; the clock stands still, so
 * no image goes silent. Build with {@code mvn -q -pl benchmarks -am package -DskipTests}, then e.g.
 * {@code java -jar benchmarks/target/benchmarks.jar ImagePlanningBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 -jvmArgs
 * "-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" -p network=default,1000,5000 -p soldOut=0,20}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ImagePlanningBenchmark {

    private static final long SEED = 19;
    private static final int PATHS_PER_AIRLINE = 10;
    private static final int TRIPS = 1 << 14;

    @Param({"default", "1000"})
    public String network;

    @Param({"3", "6", "12"})
    public int airlines;

    @Param({"0"})
    public int soldOut;

    private RouteNetwork routes;
    private AirlineImages images;
    private List<String> ids;
    private String[][] trips;
    private int next;
    private final SameInputsMemo<List<String>, RouteOptions> merges = new SameInputsMemo<>(256);
    private List<AirlinePaths> oneTripAnswers;

    @Setup
    public void setUp() throws InterruptedException {
        ids = new ArrayList<>();
        for (int i = 0; i < airlines; i++) {
            ids.add(String.valueOf((char) ('A' + i)));
        }
        RouteNetwork base = switch (network) {
            case "default" -> BenchNetworks.plentiful();
            case "1000" -> BenchNetworks.large(1_000, 3);
            case "5000" -> BenchNetworks.large(5_000, 3);
            default -> throw new IllegalArgumentException("network: default, 1000 or 5000, not " + network);
        };
        routes = NewAirlines.addTo(base, ids);
        Random random = new Random(SEED);
        Map<String, FeedSource> peers = new TreeMap<>();
        Map<Segment.Key, Integer> ownFree = null;
        for (String id : ids) {
            Map<Segment.Key, Integer> free = freeSeats(routes.airline(id).orElseThrow(), id.equals("A") ? 0 : soldOut, random);
            if (id.equals("A")) {
                ownFree = free;
            } else {
                Airline airline = routes.airline(id).orElseThrow();
                FeedMessage snapshot = new FeedMessage.Snapshot("bench-" + id, 0, airline.pricePer100Km(), free);
                peers.put(id, sink -> {
                    sink.accept(snapshot);
                    return () -> { };
                });
            }
        }
        Map<Segment.Key, Integer> own = ownFree;
        long frozen = System.nanoTime();
        images = new AirlineImages("A", routes.airline("A").orElseThrow().pricePer100Km(), routes, () -> FreeCount.fixed(own), peers,
                () -> frozen, PATHS_PER_AIRLINE);
        images.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ids.stream().allMatch(id -> images.plan(id).isPresent())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("images not ready after 30 s");
            }
            Thread.sleep(10); // set-up only: the own image comes from the publisher's first read, on its thread
        }
        trips = trips(random);
        oneTripAnswers = answers(trips[0][0], trips[0][1]);
    }

    private static Map<Segment.Key, Integer> freeSeats(Airline airline, int soldOut, Random random) {
        Map<Segment.Key, Integer> free = new HashMap<>(airline.capacity());
        List<Segment.Key> keys = new ArrayList<>(free.keySet());
        for (int i = 0; i < Math.min(soldOut, keys.size()); i++) {
            free.put(keys.get(random.nextInt(keys.size())), 0);
        }
        return free;
    }

    private String[][] trips(Random random) {
        List<City> cities = List.copyOf(routes.cities());
        if (cities.size() <= 10) {
            List<String[]> all = new ArrayList<>();
            for (City from : cities) {
                for (City to : cities) {
                    if (!from.equals(to)) {
                        all.add(new String[] {from.name(), to.name()});
                    }
                }
            }
            return all.toArray(String[][]::new);
        }
        String[][] drawn = new String[TRIPS][];
        for (int i = 0; i < TRIPS; i++) {
            String from = cities.get(random.nextInt(cities.size())).name();
            String to;
            do {
                to = cities.get(random.nextInt(cities.size())).name();
            } while (to.equals(from));
            drawn[i] = new String[] {from, to};
        }
        return drawn;
    }

    private List<AirlinePaths> answers(String origin, String destination) {
        List<AirlinePaths> answers = new ArrayList<>(ids.size());
        for (String id : ids) {
            images.plan(id).ifPresent(plan -> answers.add(plan.paths().paths(origin, destination)));
        }
        return answers;
    }

    @TearDown
    public void tearDown() {
        images.close();
    }

    /** A search as the server runs it: every airline's plan from its image, then the merge unless its inputs stand. */
    @Benchmark
    public RouteOptions search() {
        String[] trip = trips[next++ % trips.length];
        List<AirlinePaths> answers = answers(trip[0], trip[1]);
        return merges.get(List.of(trip[0], trip[1]), answers,
                () -> FederationPlanner.plan(routes, "A", trip[0], trip[1], answers));
    }

    /** Only every airline's paths, no merge. */
    @Benchmark
    public List<AirlinePaths> plans() {
        String[] trip = trips[next++ % trips.length];
        return answers(trip[0], trip[1]);
    }

    /** Only the merge of one trip's answers, never memoised: what the merge costs as airlines are added. */
    @Benchmark
    public RouteOptions merge() {
        return FederationPlanner.plan(routes, "A", trips[0][0], trips[0][1], oneTripAnswers);
    }
}
