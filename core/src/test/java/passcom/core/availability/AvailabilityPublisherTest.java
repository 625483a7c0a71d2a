package passcom.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.route.plan.FreeSegmentPaths;

/**
 * How the publisher reads its store (docs/availability.md, "Publishing a change"): a change this process reports
 * is read and published at once, on its own, however long the full-read period; the full read, on the period of
 * an injected ticker that only the test moves, still finds what nobody reported (another instance's sale).
 */
class AvailabilityPublisherTest {

    private static final Segment.Key CG = new Segment.Key("Cuiabá", "Goiânia");
    private static final Segment.Key GB = new Segment.Key("Goiânia", "Belo Horizonte");
    private static final Segment.Key BS = new Segment.Key("Belo Horizonte", "São Paulo");

    /** The airline's counters as its store would return them. */
    private final AtomicReference<Map<Segment.Key, Integer>> counters = new AtomicReference<>(Map.of(CG, 3, GB, 5, BS, 2));
    /** Time as the publisher sees it: still unless the test moves it, so no full-read period passes by itself. */
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger fullReads = new AtomicInteger();
    private final AtomicInteger changeReads = new AtomicInteger();
    private volatile CountDownLatch changeReadGate = new CountDownLatch(0);
    private final AvailabilityImage own = new AvailabilityImage("B",
            (price, free) -> new FreeSegmentPaths("B", price, List.of(), free, 10), nanos::get);
    private final AvailabilityPublisher publisher = new AvailabilityPublisher("B", Money.of("120.00"), this::readAll, this::readSome,
            own, nanos::get);

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void when_a_change_is_reported_then_it_is_published_at_once_without_a_full_read() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));

        sell(CG, 1);
        publisher.changed(Set.of(CG));

        assertThat(nextChange(subscription)).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(CG, 2)));
        assertThat(fullReads.get()).as("only the read at start: the feed's clock never reached the full-read period").isEqualTo(1);
        assertThat(own.state().free()).as("this server's own image follows at once too").isEqualTo(Map.of(CG, 2, GB, 5, BS, 2));
    }

    @Test
    void when_changes_come_while_a_change_read_runs_then_one_more_read_publishes_them_all_in_one_version() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));
        CountDownLatch gate = new CountDownLatch(1);
        changeReadGate = gate;

        sell(CG, 1);
        publisher.changed(Set.of(CG));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> changeReads.get() == 1); // reading, held at the gate
        sell(GB, 2);
        publisher.changed(Set.of(GB));
        sell(BS, 1);
        publisher.changed(Set.of(BS));
        gate.countDown();

        FeedMessage first = nextChange(subscription);
        FeedMessage second = nextChange(subscription);
        assertThat(first).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(CG, 2)));
        assertThat(second).as("the burst that came during the first read: one read, one version")
                .isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 2, Map.of(GB, 3, BS, 1)));
        assertThat(changeReads.get()).isEqualTo(2);
    }

    @Test
    void when_deltas_are_waiting_then_poll_hands_each_in_order_and_then_nothing_never_a_heartbeat() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.poll();
        assertThat(snapshot).as("owed first").isInstanceOf(FeedMessage.Snapshot.class);
        assertThat(subscription.poll()).isNull();

        sell(CG, 1);
        publisher.changed(Set.of(CG));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publisher.snapshot().version() == snapshot.version() + 1);
        sell(GB, 1);
        publisher.changed(Set.of(GB));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publisher.snapshot().version() == snapshot.version() + 2);

        assertThat(subscription.poll()).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(CG, 2)));
        assertThat(subscription.poll()).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 2, Map.of(GB, 4)));
        assertThat(subscription.poll()).isNull();
    }

    @Test
    void when_a_subscription_closes_then_a_writer_waiting_for_the_next_message_is_woken_with_the_end() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        subscription.next(Duration.ofSeconds(5)); // the snapshot
        CompletableFuture<FeedMessage> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return subscription.next(Duration.ofHours(1)); // a heartbeat this far off: only the close can end the wait
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingIn(waiting));

        subscription.close();

        assertThat(waiting.get(30, TimeUnit.SECONDS)).as("the end of the stream, not a message").isNull();
    }

    private static boolean waitingIn(CompletableFuture<FeedMessage> waiting) {
        return !waiting.isDone() && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getState() == Thread.State.TIMED_WAITING && Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getMethodName().equals("next") && f.getClassName().endsWith("Subscription")));
    }

    @Test
    void when_a_reported_segment_did_not_change_then_no_version_is_published() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));

        publisher.changed(Set.of(GB)); // e.g. a hold and its release in one burst
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> changeReads.get() == 1);
        sell(CG, 1);
        publisher.changed(Set.of(CG));

        assertThat(nextChange(subscription)).as("the next version is the real change").isEqualTo(
                new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(CG, 2)));
    }

    @Test
    void when_the_store_changes_behind_this_process_then_the_full_read_finds_it_once_its_period_passes() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));

        sell(GB, 5); // another instance sharing the store sold it: nobody here reports it
        nanos.addAndGet(AvailabilityPublisher.MIN_POLL.toNanos());

        assertThat(nextChange(subscription)).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(GB, 0)));
        assertThat(changeReads.get()).isZero();
        assertThat(fullReads.get()).isGreaterThanOrEqualTo(2);
    }

    private Map<Segment.Key, Integer> readAll() {
        fullReads.incrementAndGet();
        return counters.get();
    }

    private Map<Segment.Key, Integer> readSome(Set<Segment.Key> segments) {
        changeReads.incrementAndGet();
        try {
            changeReadGate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<Segment.Key, Integer> some = new TreeMap<>(counters.get());
        some.keySet().retainAll(segments);
        return some;
    }

    private void sell(Segment.Key segment, int seats) {
        Map<Segment.Key, Integer> next = new TreeMap<>(counters.get());
        next.merge(segment, -seats, Integer::sum);
        counters.set(Map.copyOf(next));
    }

    private static FeedMessage nextChange(AvailabilityPublisher.Subscription subscription) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            FeedMessage message = subscription.next(Duration.ofSeconds(1));
            if (message != null && !(message instanceof FeedMessage.Heartbeat)) {
                return message;
            }
        }
        throw new AssertionError("no change published");
    }
}
