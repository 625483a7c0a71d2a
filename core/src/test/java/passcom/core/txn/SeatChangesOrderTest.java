package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.availability.AvailabilityPublisher;
import passcom.core.availability.FeedMessage;
import passcom.core.cpf.Cpf;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatAvailability;
import passcom.core.store.ForwardingStore;
import passcom.core.store.Store;
import passcom.core.store.TestStores;
import passcom.core.time.ManualTime;

/**
 * Counts published from the writes themselves never go back in time (docs/availability.md, "Publishing a change"):
 * many threads hold, give back and buy seats of one segment at once through the real store, so their commits'
 * reports reach the publisher in whatever order the threads run after their commits; the store makes about half of
 * the writing threads pause between their commit and their report, the window a descheduled thread leaves, so that a
 * later commit's report often comes first. The feed's clock never moves,
 * so no full read can correct a stale count: at the end the feed, and a subscriber that applied every message,
 * must show exactly the store's count from the reported changes alone.
 */
class SeatChangesOrderTest {

    private static final Segment.Key SP_CWB = new Segment.Key("São Paulo", "Curitiba");
    private static final Cpf CPF = Cpf.parse("529.982.247-25");
    private static final int THREADS = 8;
    private static final int EPISODES = 6;
    private static final int ROUNDS = 8;

    private final ManualTime time = new ManualTime();
    /** Closed after each test by JUnit (a test that never started one leaves it null, which is skipped). */
    @AutoClose
    private FederationInMemory federation;

    static List<TestStores.Engine> engines() {
        return TestStores.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void when_many_threads_move_one_segment_at_once_then_the_feed_ends_with_the_store_count(TestStores.Engine engine) throws Exception {
        federation = new FederationInMemory(networkWithSeats(500), List.of("A", "B", "C"), Duration.ofSeconds(30),
                config -> on(engine, config), (airline, store, events) -> new LateReports(store), time, time);
        AirlineNode b = federation.node("B");
        AvailabilityPublisher.Subscription feed = b.availabilityFeed().subscribe();
        Map<Segment.Key, Integer> seen = new HashMap<>(((FeedMessage.Snapshot) feed.next(Duration.ofSeconds(5))).free());
        int before = seen.get(SP_CWB);
        assertThat(before).as("room for every hold a thread keeps at once and every purchase")
                .isGreaterThan(THREADS * (1 + EPISODES));

        AtomicInteger bought = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int episode = 0; episode < EPISODES; episode++) {
                burst(pool, b, episode, bought);

                int stored = new SeatAvailability(federation.store("B")).counts().get(SP_CWB).free();
                assertThat(stored).as("the store: every hold given back, every purchase sold").isEqualTo(before - bought.get());
                Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    drain(feed, seen);
                    assertThat(b.availabilityFeed().snapshot().free().get(SP_CWB)).as("the feed's count").isEqualTo(stored);
                    assertThat(seen.get(SP_CWB)).as("what a subscriber applying every message holds").isEqualTo(stored);
                });
                assertThat(b.availabilityImages().get("B").state().free().get(SP_CWB)).as("this server's own image").isEqualTo(stored);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(time.elapsed()).as("the feed's clock never moved: no full read could have corrected a stale count").isZero();
    }

    /**
     * Every thread holds a seat and gives it back, {@link #ROUNDS} times, and buys one in the first round; each round
     * starts on all threads at once, so the last round's commits end together too.
     */
    private static void burst(ExecutorService pool, AirlineNode b, int episode, AtomicInteger bought) throws Exception {
        CyclicBarrier round = new CyclicBarrier(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String thread = episode + "-" + t;
            runs.add(pool.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    round.await(60, TimeUnit.SECONDS);
                    TxnId txn = new TxnId("txn-" + thread + "-" + i);
                    assertThat(b.participant().prepare(prepare(txn, "R" + thread + "X" + i))).isInstanceOf(Vote.Held.class);
                    b.participant().abort(txn, "A"); // gives the seat back: the count goes up and down
                    if (i == 0) {
                        PurchaseOutcome outcome = b.purchase(new PurchaseOrder(CPF,
                                PurchaseOrder.legs(List.of("B"), List.of("São Paulo", "Curitiba")), null));
                        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
                        bought.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(120, TimeUnit.SECONDS);
        }
    }

    /** {@code config} with its store on {@code engine} (SQLite is the federation's default). */
    private static NodeConfig on(TestStores.Engine engine, NodeConfig config) {
        if (engine == TestStores.Engine.SQLITE) {
            return config;
        }
        return new NodeConfig(config.airline(), config.network(), TestStores.newStoreUrl(engine, "order_" + config.airline()),
                config.peerTimeout(), config.searchTimeout(), config.staleHold(), config.retryBackoff(), config.clock(), config.references());
    }

    /** The default network with {@code seats} on every segment of every airline. */
    private static RouteNetwork networkWithSeats(int seats) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root;
        try (InputStream in = NetworkLoader.class.getResourceAsStream("/passcom/network.json")) {
            root = json.readTree(in);
        }
        for (JsonNode airline : root.path("airlines")) {
            ((ObjectNode) airline).put("defaultSeats", seats);
            ((ObjectNode) airline).remove("seats");
        }
        return NetworkLoader.load(new ByteArrayInputStream(json.writeValueAsBytes(root)));
    }

    /**
     * The real store, whose writes return up to 2 ms late about half the time: after the commit, before the tracking
     * store above it reports the unit's counts, as a thread that loses its core just after its commit would.
     */
    private static final class LateReports extends ForwardingStore {

        LateReports(Store store) {
            super(store);
        }

        @Override
        public <T> T write(Work<T> work) {
            return late(store.write(work));
        }

        @Override
        public <T> T writeUnforced(Work<T> work) {
            return late(store.writeUnforced(work));
        }

        private static <T> T late(T result) {
            if (ThreadLocalRandom.current().nextBoolean()) {
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(2)));
            }
            return result;
        }
    }

    /** Applies every message waiting, as a peer's image does (a snapshot replaces, a delta overwrites its segments). */
    private static void drain(AvailabilityPublisher.Subscription feed, Map<Segment.Key, Integer> seen) {
        for (FeedMessage message = feed.poll(); message != null; message = feed.poll()) {
            if (message instanceof FeedMessage.Snapshot snapshot) {
                seen.clear();
                seen.putAll(snapshot.free());
            } else if (message instanceof FeedMessage.Delta delta) {
                seen.putAll(delta.changed());
            }
        }
    }

    private static Prepare prepare(TxnId txn, String reference) {
        return new Prepare(txn, "A", TxnKind.PURCHASE, reference, List.of(SP_CWB), List.of(new Prepare.Seating(CPF, List.of())));
    }
}
