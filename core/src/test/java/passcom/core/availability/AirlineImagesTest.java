package passcom.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.plan.FreeSegmentPaths;
import passcom.core.route.plan.PathFinder;
import passcom.core.seat.FreeCount;

/**
 * Plans from images (docs/availability.md, "Planning from an image"): airlines that sell the same segments share
 * one search, and this server's own sale shows in its plans at once, through one plan reused until the feed
 * catches up. Peers' feeds are in-process sources that this test feeds by hand; the clock stands still, so no
 * image goes silent.
 */
class AirlineImagesTest {

    private static final RouteNetwork NETWORK = NetworkLoader.loadDefault();
    private static final String ORIGIN = "Cuiabá";
    private static final String DESTINATION = "Porto Alegre";
    private static final int K = 10;

    private final AtomicLong nanos = new AtomicLong();
    private final Map<String, FeedSink> peers = new TreeMap<>();
    private AirlineImages images;

    @BeforeEach
    void start() {
        Map<String, FeedSource> sources = new TreeMap<>();
        for (String peer : List.of("B", "C")) {
            sources.put(peer, sink -> {
                synchronized (peers) {
                    peers.put(peer, sink);
                }
                sink.accept(new FeedMessage.Snapshot("base-" + peer, 0, airline(peer).pricePer100Km(), allFree(peer)));
                return () -> { };
            });
        }
        images = new AirlineImages("A", airline("A").pricePer100Km(), NETWORK, () -> FreeCount.fixed(allFree("A")), sources, nanos::get, K);
        images.start();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> List.of("A", "B", "C").stream().allMatch(a -> images.plan(a).isPresent()));
    }

    @AfterEach
    void close() {
        images.close();
    }

    @Test
    void when_airlines_sell_the_same_segments_then_one_search_answers_them_all() {
        List<List<String>> ofA = paths("A");
        List<List<String>> ofB = paths("B");
        List<List<String>> ofC = paths("C");

        assertThat(ofA).isNotEmpty().isEqualTo(new PathFinder(NETWORK.segmentsFlownBy("A")).shortest(ORIGIN, DESTINATION, K));
        assertThat(ofB).isEqualTo(ofA);
        assertThat(ofC).isEqualTo(ofA);
        assertThat(ofB.get(0)).as("the very list A's search found").isSameAs(ofA.get(0));
        assertThat(images.plan("B").orElseThrow().paths().paths(ORIGIN, DESTINATION).pricePer100Km())
                .isEqualTo(airline("B").pricePer100Km());
    }

    @Test
    void when_this_server_sells_a_peers_last_seat_then_plans_avoid_it_with_one_plan_until_the_feed_catches_up() {
        List<String> best = paths("B").get(0);
        Segment.Key first = new Segment.Key(best.get(0), best.get(1));
        List<List<String>> withoutIt = new PathFinder(NETWORK.segmentsFlownBy("B").stream()
                .filter(s -> !s.key().equals(first)).toList()).shortest(ORIGIN, DESTINATION, K);

        images.ownWrites().sold("B", first, 3, 3);

        FreeSegmentPaths once = images.plan("B").orElseThrow().paths();
        FreeSegmentPaths again = images.plan("B").orElseThrow().paths();
        assertThat(again).as("one plan while the sale and the image stand").isSameAs(once);
        assertThat(once.paths(ORIGIN, DESTINATION).paths()).doesNotContain(best).isEqualTo(withoutIt);
        assertThat(paths("C")).as("another airline's seats are untouched").contains(best);

        synchronized (peers) {
            peers.get("B").accept(new FeedMessage.Delta("base-B", 1, Map.of(first, 0)));
        }

        FreeSegmentPaths caughtUp = images.plan("B").orElseThrow().paths();
        assertThat(caughtUp).as("the image's own plan again").isSameAs(images.images().get("B").state().paths());
        assertThat(caughtUp.paths(ORIGIN, DESTINATION).paths()).isEqualTo(withoutIt);
    }

    private List<List<String>> paths(String airline) {
        return images.plan(airline).orElseThrow().paths().paths(ORIGIN, DESTINATION).paths();
    }

    private static Airline airline(String id) {
        return NETWORK.airline(id).orElseThrow();
    }

    private static Map<Segment.Key, Integer> allFree(String airline) {
        return airline(airline).capacity().keySet().stream().collect(Collectors.toMap(Function.identity(), k -> 3));
    }
}
