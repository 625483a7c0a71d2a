package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import passcom.core.availability.AvailabilityPublisher;
import passcom.core.availability.FeedMessage;
import passcom.core.cpf.Cpf;
import passcom.core.route.NetworkLoader;
import passcom.core.route.Segment;
import passcom.core.time.ManualTime;

/**
 * Every way this process changes a segment's free seats reaches a subscriber of its feed as a delta at once
 * (docs/availability.md, "Publishing a change"): a hold taken by a participant's prepare, its abort, a purchase a
 * peer coordinated, a purchase coordinated here, a cancellation, a hold that expired. The nodes run on
 * {@link ManualTime}, which nothing in these transactions moves, so the feed's full-read period never passes: every
 * delta here comes from the change itself.
 */
class SeatChangesPublishedTest {

    private static final Segment.Key SP_CWB = new Segment.Key("São Paulo", "Curitiba");
    private static final Cpf CPF = Cpf.parse("529.982.247-25");
    private final ManualTime time = new ManualTime();
    /** Closed after each test by JUnit (a test that never started one leaves it null, which is skipped). */
    @AutoClose
    private FederationInMemory federation;

    @Test
    void when_seats_change_through_any_side_of_a_transaction_then_each_change_reaches_the_feed_as_the_next_delta() throws Exception {
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMillis(300),
                config -> config, (airline, store, events) -> store, time, time);
        AirlineNode b = federation.node("B");
        AvailabilityPublisher.Subscription feed = b.availabilityFeed().subscribe();
        FeedMessage.Snapshot snapshot = (FeedMessage.Snapshot) feed.next(Duration.ofSeconds(5));
        int free = snapshot.free().get(SP_CWB);
        List<FeedMessage.Delta> deltas = new ArrayList<>();

        TxnId held = new TxnId("txn-held");
        assertThat(b.participant().prepare(prepare(held, "HELD01"))).isInstanceOf(Vote.Held.class);
        deltas.add(nextDelta(feed));
        b.participant().abort(held, "A");
        deltas.add(nextDelta(feed));

        PurchaseOutcome viaPeer = federation.node("A").purchase(new PurchaseOrder(CPF, PurchaseOrder.legs(List.of("B"),
                List.of("São Paulo", "Curitiba")), null));
        assertThat(viaPeer).isInstanceOf(PurchaseOutcome.Bought.class);
        deltas.add(nextDelta(feed)); // the hold; its commit (held → sold) leaves the free seats as they are
        PurchaseOutcome here = b.purchase(new PurchaseOrder(CPF, PurchaseOrder.legs(List.of("B"), List.of("São Paulo", "Curitiba")), null));
        assertThat(here).isInstanceOf(PurchaseOutcome.Bought.class);
        deltas.add(nextDelta(feed));

        assertThat(federation.node("C").cancel(CPF, ((PurchaseOutcome.Bought) viaPeer).booking().reference()))
                .isInstanceOf(CancelOutcome.Cancelled.class);
        deltas.add(nextDelta(feed));

        // A hold whose coordinator never decides: B's hold resolver asks A, which never heard of it, and aborts it.
        assertThat(b.participant().prepare(prepare(new TxnId("txn-orphan"), "ORPHAN"))).isInstanceOf(Vote.Held.class);
        deltas.add(nextDelta(feed));
        deltas.add(nextDelta(feed));

        assertThat(deltas).extracting(FeedMessage::version).as("one version per change, none skipped")
                .containsExactly(snapshot.version() + 1, snapshot.version() + 2, snapshot.version() + 3, snapshot.version() + 4,
                        snapshot.version() + 5, snapshot.version() + 6, snapshot.version() + 7);
        assertThat(deltas).extracting(FeedMessage.Delta::changed).containsExactly(
                Map.of(SP_CWB, free - 1), // prepare held
                Map.of(SP_CWB, free), // aborted
                Map.of(SP_CWB, free - 1), // bought, coordinated by A
                Map.of(SP_CWB, free - 2), // bought, coordinated by B itself
                Map.of(SP_CWB, free - 1), // A's purchase cancelled through C
                Map.of(SP_CWB, free - 2), // the orphan hold
                Map.of(SP_CWB, free - 1)); // expired: aborted by the hold resolver
        assertThat(time.elapsed()).as("the feed's clock never moved: no full read could have found these").isZero();
    }

    private static Prepare prepare(TxnId txn, String reference) {
        return new Prepare(txn, "A", TxnKind.PURCHASE, reference, List.of(SP_CWB), List.of(new Prepare.Seating(CPF, List.of())));
    }

    private static FeedMessage.Delta nextDelta(AvailabilityPublisher.Subscription feed) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            FeedMessage message = feed.next(Duration.ofSeconds(1));
            if (message instanceof FeedMessage.Delta delta) {
                return delta;
            }
            assertThat(message).as("nothing but heartbeats between changes").isInstanceOfAny(FeedMessage.Heartbeat.class);
        }
        throw new AssertionError("no change published within 20 s");
    }
}
