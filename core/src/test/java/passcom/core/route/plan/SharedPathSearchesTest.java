package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * Airlines sharing path searches get exactly the answers each would get alone: the k best loopless paths over the
 * segments it flies with a free seat, as the oracle enumerates them, whatever the other airlines can sell.
 */
class SharedPathSearchesTest {

    private static final int K = 10;
    private static final Money PRICE = Money.of("115");

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void when_airlines_sell_different_segments_then_each_answer_equals_its_own_unshared_search(long seed) {
        Random random = new Random(seed);
        RouteNetwork cities = RandomNetworks.network(random);
        List<String> ids = List.of("A", "B", "C", "D", "E");
        RouteNetwork network = withAirlines(cities, ids, random);
        int k = random.nextBoolean() ? K : 1 + random.nextInt(K);
        SharedPathSearches searches = new SharedPathSearches(network, k);
        Set<Segment.Key> common = keys(RandomNetworks.subset(random, network, 0.85));
        Map<String, Set<Segment.Key>> free = new TreeMap<>();
        Map<String, FreeSegmentPaths> paths = new TreeMap<>();
        for (int change = 0; change < 12; change++) {
            String airline = ids.get(random.nextInt(ids.size()));
            Set<Segment.Key> now = variant(common, network, random);
            free.put(airline, now);
            paths.put(airline, random.nextInt(4) == 0 ? searches.passing(airline, PRICE, now) : searches.current(airline, PRICE, now));
            for (int query = 0; query < 3; query++) {
                String origin = RandomNetworks.city(random, network);
                String destination = RandomNetworks.city(random, network);
                for (Map.Entry<String, FreeSegmentPaths> entry : paths.entrySet()) {
                    List<Segment> usable = usable(network, entry.getKey(), free.get(entry.getKey()));
                    assertThat(entry.getValue().paths(origin, destination).paths())
                            .as("seed %d, airline %s, %s → %s, segments %s", seed, entry.getKey(), origin, destination, usable)
                            .isEqualTo(SimplePathsOracle.shortest(usable, origin, destination, k));
                }
            }
        }
    }

    @Test
    void when_airlines_can_sell_the_same_segments_then_they_share_one_search_and_get_equal_paths() {
        RouteNetwork network = withAirlines(DefaultRoutes.NETWORK, List.of("A", "B", "C"), null);
        SharedPathSearches searches = new SharedPathSearches(network, K);
        Set<Segment.Key> all = keys(network.segments());

        FreeSegmentPaths a = searches.current("A", Money.of("115"), all);
        FreeSegmentPaths b = searches.current("B", Money.of("135"), all);

        assertThat(b.search()).isSameAs(a.search());
        AirlinePaths ofA = a.paths("Cuiabá", "Porto Alegre");
        AirlinePaths ofB = b.paths("Cuiabá", "Porto Alegre");
        assertThat(ofB.paths()).isEqualTo(ofA.paths()).isNotEmpty();
        assertThat(ofB.pricePer100Km()).isEqualTo(Money.of("135"));
        assertThat(ofB.airline()).isEqualTo("B");
    }

    @Test
    void when_an_airline_sold_out_a_segment_on_the_other_airlines_best_path_then_its_answer_goes_around_it() {
        RouteNetwork network = withAirlines(DefaultRoutes.NETWORK, List.of("A", "B"), null);
        SharedPathSearches searches = new SharedPathSearches(network, K);
        Set<Segment.Key> all = keys(network.segments());
        FreeSegmentPaths a = searches.current("A", PRICE, all);
        List<String> best = a.paths("Cuiabá", "Porto Alegre").paths().get(0);
        Set<Segment.Key> soldOut = new HashSet<>(all);
        soldOut.remove(new Segment.Key(best.get(0), best.get(1)));

        FreeSegmentPaths b = searches.current("B", PRICE, soldOut);

        assertThat(b.search()).isNotSameAs(a.search());
        List<List<String>> ofB = b.paths("Cuiabá", "Porto Alegre").paths();
        assertThat(ofB).doesNotContain(best)
                .isEqualTo(SimplePathsOracle.shortest(usable(network, "B", soldOut), "Cuiabá", "Porto Alegre", K));
    }

    @Test
    void when_an_airline_sold_out_a_segment_off_the_other_airlines_paths_then_it_reuses_their_answer() {
        RouteNetwork network = withAirlines(DefaultRoutes.NETWORK, List.of("A", "B"), null);
        SharedPathSearches searches = new SharedPathSearches(network, 1);
        Set<Segment.Key> all = keys(network.segments());
        FreeSegmentPaths a = searches.current("A", PRICE, all);
        List<List<String>> ofA = a.paths("Cuiabá", "Porto Alegre").paths();
        Segment unused = network.segments().stream()
                .filter(s -> ofA.stream().noneMatch(p -> onPath(p, s.key())))
                .findFirst().orElseThrow();
        Set<Segment.Key> soldOut = new HashSet<>(all);
        soldOut.remove(unused.key());

        FreeSegmentPaths b = searches.current("B", PRICE, soldOut);

        List<List<String>> ofB = b.paths("Cuiabá", "Porto Alegre").paths();
        assertThat(ofB).isEqualTo(ofA);
        assertThat(ofB.get(0)).isSameAs(ofA.get(0)); // A's search answered: B's own never ran for this trip
    }

    private static boolean onPath(List<String> path, Segment.Key key) {
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i - 1).equals(key.origin()) && path.get(i).equals(key.destination())) {
                return true;
            }
        }
        return false;
    }

    /** Often the common set itself (airlines usually sell the same segments), else a few segments more or fewer. */
    private static Set<Segment.Key> variant(Set<Segment.Key> common, RouteNetwork network, Random random) {
        Set<Segment.Key> free = new HashSet<>(common);
        if (random.nextInt(3) == 0) {
            return free;
        }
        List<Segment> segments = List.copyOf(network.segments());
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            Segment.Key key = segments.get(random.nextInt(segments.size())).key();
            if (random.nextBoolean()) {
                free.remove(key);
            } else {
                free.add(key);
            }
        }
        return free;
    }

    /** Every airline flies every segment, except that with a random source some fly a random share only. */
    private static RouteNetwork withAirlines(RouteNetwork cities, List<String> ids, Random random) {
        List<Airline> airlines = new ArrayList<>();
        for (String id : ids) {
            TreeMap<Segment.Key, Integer> capacity = new TreeMap<>();
            boolean partial = random != null && random.nextInt(4) == 0;
            for (Segment segment : cities.segments()) {
                if (!partial || random.nextDouble() < 0.8) {
                    capacity.put(segment.key(), 3);
                }
            }
            airlines.add(new Airline(id, PRICE, capacity));
        }
        List<City> all = List.copyOf(cities.cities());
        return new RouteNetwork(all, cities.segments(), airlines);
    }

    private static List<Segment> usable(RouteNetwork network, String airline, Set<Segment.Key> free) {
        Airline flying = network.airline(airline).orElseThrow();
        return network.segments().stream().filter(s -> flying.flies(s.key()) && free.contains(s.key())).toList();
    }

    private static Set<Segment.Key> keys(java.util.Collection<Segment> segments) {
        return segments.stream().map(Segment::key).collect(Collectors.toSet());
    }
}
