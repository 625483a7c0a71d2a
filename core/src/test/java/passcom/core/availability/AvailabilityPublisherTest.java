package passcom.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
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
import passcom.core.seat.FreeCount;

/**
 * How the publisher learns of changes (docs/availability.md, "Publishing a change"): a count this process's commit
 * reports is published at once, with no read, however long the full-read period; a count older than the one held
 * (reported out of commit order, or read by a full read that started before a change) never replaces it; the full
 * read, on the period of an injected ticker that only the test moves, still finds what nobody reported (another
 * instance's sale).
 */
class AvailabilityPublisherTest {

    private static final Segment.Key CG = new Segment.Key("Cuiabá", "Goiânia");
    private static final Segment.Key GB = new Segment.Key("Goiânia", "Belo Horizonte");
    private static final Segment.Key BS = new Segment.Key("Belo Horizonte", "São Paulo");

    /** The airline's counters as its store would return them, each segment's with its revision. */
    private final AtomicReference<Map<Segment.Key, FreeCount>> counters = new AtomicReference<>(
            Map.of(CG, new FreeCount(3, 7), GB, new FreeCount(5, 7), BS, new FreeCount(2, 7)));
    /** Time as the publisher sees it: still unless the test moves it, so no full-read period passes by itself. */
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger fullReads = new AtomicInteger();
    private final AvailabilityImage own = new AvailabilityImage("B",
            (price, free) -> new FreeSegmentPaths("B", price, List.of(), free, 10), nanos::get);
    private final AvailabilityPublisher publisher = new AvailabilityPublisher("B", Money.of("120.00"), this::readAll, own, nanos::get);

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void when_a_change_is_reported_then_it_is_published_at_once_without_a_full_read() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));

        publisher.changed(Map.of(CG, sell(CG, 1)));

        assertThat(nextChange(subscription)).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(CG, 2)));
        assertThat(fullReads.get()).as("only the read at start: the feed's clock never reached the full-read period, no store read").isEqualTo(1);
        assertThat(own.state().free()).as("this server's own image follows at once too").isEqualTo(Map.of(CG, 2, GB, 5, BS, 2));
    }

    @Test
    void when_two_commits_of_one_segment_are_reported_out_of_order_then_the_older_count_never_replaces_the_newer() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));
        FreeCount first = sell(CG, 1); // 2 left, revision 8
        FreeCount second = sell(CG, 1); // 1 left, revision 9

        publisher.changed(Map.of(CG, second)); // the second commit's thread reports first
        assertThat(nextChange(subscription)).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(CG, 1)));
        publisher.changed(Map.of(CG, first));
        publisher.changed(Map.of(GB, sell(GB, 2)));

        assertThat(nextChange(subscription)).as("the late report of the first commit is dropped; the next change goes on")
                .isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 2, Map.of(GB, 3)));
        assertThat(publisher.snapshot().free()).isEqualTo(Map.of(CG, 1, GB, 3, BS, 2));
    }

    @Test
    void when_a_full_read_returns_a_count_older_than_a_change_already_published_then_it_is_not_taken_back() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.next(Duration.ofSeconds(5));
        Map<Segment.Key, FreeCount> before = counters.get(); // what a full read that began before the sale sees

        publisher.changed(Map.of(CG, sell(CG, 3)));
        assertThat(nextChange(subscription)).isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(CG, 0)));
        Map<Segment.Key, FreeCount> after = counters.get();
        counters.set(before);
        int reads = fullReads.get();
        nanos.addAndGet(AvailabilityPublisher.MIN_POLL.toNanos());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fullReads.get() > reads);
        counters.set(after);
        publisher.changed(Map.of(BS, sell(BS, 1)));

        assertThat(nextChange(subscription)).as("the stale full read published nothing; the next version is the next change")
                .isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 2, Map.of(BS, 1)));
        assertThat(publisher.snapshot().free()).isEqualTo(Map.of(CG, 0, GB, 5, BS, 1));
    }

    @Test
    void when_deltas_are_waiting_then_poll_hands_each_in_order_and_then_nothing_never_a_heartbeat() throws Exception {
        publisher.start();
        AvailabilityPublisher.Subscription subscription = publisher.subscribe();
        FeedMessage snapshot = subscription.poll();
        assertThat(snapshot).as("owed first").isInstanceOf(FeedMessage.Snapshot.class);
        assertThat(subscription.poll()).isNull();

        publisher.changed(Map.of(CG, sell(CG, 1)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publisher.snapshot().version() == snapshot.version() + 1);
        publisher.changed(Map.of(GB, sell(GB, 1)));
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

        sell(GB, 1);
        publisher.changed(Map.of(GB, sell(GB, -1))); // e.g. a hold and its release in one unit: a new revision, the same count
        publisher.changed(Map.of(CG, sell(CG, 1)));

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
        assertThat(fullReads.get()).isGreaterThanOrEqualTo(2);
    }

    private Map<Segment.Key, FreeCount> readAll() {
        fullReads.incrementAndGet();
        return counters.get();
    }

    /** Sells {@code seats} of {@code segment} in the store (a negative number gives them back): its new count and revision. */
    private FreeCount sell(Segment.Key segment, int seats) {
        Map<Segment.Key, FreeCount> next = new TreeMap<>(counters.get());
        FreeCount now = next.get(segment);
        FreeCount sold = new FreeCount(now.seats() - seats, now.revision() + 1);
        next.put(segment, sold);
        counters.set(Map.copyOf(next));
        return sold;
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
