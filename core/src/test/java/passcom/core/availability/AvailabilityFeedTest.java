package passcom.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.route.plan.FreeSegmentPaths;
import passcom.core.seat.FreeCount;
import passcom.core.time.Ticker;

/**
 * The feed protocol (docs/availability.md) with real threads: a publisher over changing seat counts, subscribers
 * reading its queue, and an {@link ImageFeed} keeping an image through gaps and restarts.
 */
class AvailabilityFeedTest {

    private static final Segment.Key CG = new Segment.Key("Cuiabá", "Goiânia");
    private static final Segment.Key GB = new Segment.Key("Goiânia", "Belo Horizonte");
    private static final Money PRICE = Money.of("120.00");

    /** The airline's counters as its store would return them: what the publisher reads. */
    private final AtomicReference<Map<Segment.Key, Integer>> counters = new AtomicReference<>(Map.of(CG, 3, GB, 5));
    /** The counters' revision: every write of them moves it (one for all segments here, which keeps it monotonic per segment). */
    private final AtomicLong revision = new AtomicLong();
    private final List<AutoCloseable> opened = new ArrayList<>();
    /** Each stream start the feeds told their listener of (a peer answering again). */
    private final List<String> streamsStarted = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        timer.shutdownNow();
    }

    @Test
    void when_a_peer_subscribes_then_it_gets_a_snapshot_then_each_change_as_the_next_version() throws Exception {
        AvailabilityPublisher publisher = publisher();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();

        FeedMessage first = subscription.next(Duration.ofSeconds(5));
        assertThat(first).isInstanceOf(FeedMessage.Snapshot.class);
        assertThat(((FeedMessage.Snapshot) first).free()).isEqualTo(Map.of(CG, 3, GB, 5));

        sell(CG, 1);
        FeedMessage change = nextNonHeartbeat(subscription);
        assertThat(change).isEqualTo(new FeedMessage.Delta(first.base(), first.version() + 1, Map.of(CG, 2)));
    }

    @Test
    void when_nothing_changes_then_heartbeats_repeat_the_version() throws Exception {
        AvailabilityPublisher publisher = publisher();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));

        FeedMessage quiet = subscription.next(Duration.ofMillis(50));

        assertThat(quiet).isEqualTo(new FeedMessage.Heartbeat(snapshot.base(), snapshot.version()));
    }

    @Test
    void when_a_subscriber_does_not_read_then_sales_go_on_and_it_gets_a_snapshot_of_the_latest_version() throws Exception {
        AvailabilityPublisher publisher = publisher();
        AvailabilityPublisher.Subscription slow = publisher.subscribe();
        FeedMessage first = slow.next(Duration.ofSeconds(5));

        int changes = AvailabilityPublisher.QUEUE + 10;
        for (int i = 1; i <= changes; i++) {
            write(Map.of(CG, 3, GB, 1000 + i)); // every write a new count: one delta each
            publisher.changed(Map.of(GB, read().get(GB)));
            long version = first.version() + i;
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publisher.snapshot().version() >= version);
        }

        FeedMessage next = slow.next(Duration.ofSeconds(5));
        assertThat(next).as("more changes than its queue holds: a snapshot instead").isInstanceOf(FeedMessage.Snapshot.class);
        assertThat(next.version()).isEqualTo(first.version() + changes);
        assertThat(((FeedMessage.Snapshot) next).free()).isEqualTo(Map.of(CG, 3, GB, 1000 + changes));
    }

    @Test
    void when_a_delta_is_lost_then_the_image_asks_again_and_ends_equal_to_the_airline() {
        AvailabilityPublisher publisher = publisher();
        AtomicInteger connections = new AtomicInteger();
        AtomicBoolean dropOne = new AtomicBoolean(true);
        // The real feed, with the first delta of the first connection lost on the way.
        FeedSource lossy = sink -> {
            connections.incrementAndGet();
            return FeedPump.start(publisher.subscribe(), new FeedSink() {
                @Override
                public void accept(FeedMessage message) {
                    if (message instanceof FeedMessage.Delta && dropOne.getAndSet(false)) {
                        return;
                    }
                    sink.accept(message);
                }

                @Override
                public void ended(Throwable cause) {
                    sink.ended(cause);
                }
            });
        };
        AvailabilityImage image = image();
        feed(image, lossy);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> image.state() != null);

        sell(CG, 1);
        sell(GB, 2);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> image.state().free().equals(Map.of(CG, 2, GB, 3)));
        assertThat(connections.get()).as("the gap made it subscribe again").isGreaterThanOrEqualTo(2);
        assertThat(streamsStarted).as("a gap is not the airline coming back: told once, at the first stream").containsExactly("B");
        assertThat(image.state().version()).isEqualTo(publisher.snapshot().version());
    }

    @Test
    void when_the_airline_restarts_with_a_new_version_base_then_the_image_follows_the_new_run() {
        AtomicReference<AvailabilityPublisher> running = new AtomicReference<>(publisher());
        AvailabilityImage image = image();
        feed(image, sink -> FeedPump.start(running.get().subscribe(), sink));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> image.state() != null);
        String before = image.state().base();
        sell(CG, 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> image.state().version() == 1);

        write(Map.of(CG, 0, GB, 5)); // sold while it was down
        AvailabilityPublisher restarted = publisher();
        running.getAndSet(restarted).close();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !image.state().base().equals(before));
        assertThat(image.state().version()).as("the new run counts from 0 again").isEqualTo(0);
        assertThat(image.state().free()).isEqualTo(Map.of(CG, 0, GB, 5));
        assertThat(image.state().paths().free()).as("plans only over segments with a free seat").containsExactly(GB);
        assertThat(streamsStarted).as("its first stream, and its stream again after the restart").containsExactly("B", "B");
    }

    private AvailabilityPublisher publisher() {
        AvailabilityPublisher publisher = new AvailabilityPublisher("B", PRICE, this::read, image(), Ticker.system());
        publisher.start();
        opened.add(publisher);
        return publisher;
    }

    /** What the publisher's full read gets from the store. */
    private Map<Segment.Key, FreeCount> read() {
        long now = revision.get();
        Map<Segment.Key, FreeCount> counts = new TreeMap<>();
        counters.get().forEach((segment, free) -> counts.put(segment, new FreeCount(free, now)));
        return counts;
    }

    private void write(Map<Segment.Key, Integer> counts) {
        revision.incrementAndGet();
        counters.set(counts);
    }

    private AvailabilityImage image() {
        return new AvailabilityImage("B", (price, free) -> new FreeSegmentPaths("B", price, List.of(), free, 10), Ticker.system());
    }

    private void feed(AvailabilityImage image, FeedSource source) {
        ImageFeed feed = new ImageFeed(image, source, timer, Ticker.system(), (airline, downFor) -> streamsStarted.add(airline));
        feed.start();
        opened.add(feed);
    }

    private void sell(Segment.Key segment, int seats) {
        Map<Segment.Key, Integer> next = new TreeMap<>(counters.get());
        next.merge(segment, -seats, Integer::sum);
        write(Map.copyOf(next));
        // not reported: the publisher's full read must find it
    }

    private static FeedMessage nextNonHeartbeat(AvailabilityPublisher.Subscription subscription) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            FeedMessage message = subscription.next(Duration.ofSeconds(1));
            if (message != null && !(message instanceof FeedMessage.Heartbeat)) {
                return message;
            }
        }
        throw new AssertionError("no change published");
    }
}
