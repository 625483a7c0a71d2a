package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import passcom.core.cpf.Cpf;
import passcom.core.route.NetworkLoader;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;

/**
 * A peer that answers again (its availability feed streams after an outage) gets what waited for it at once:
 * the decisions its coordinator could not deliver, and the questions its participants had about its
 * transactions. Without that, both wait for their next scheduled try: a retry up to 1.5 s away, a decision
 * query up to a stale-hold period (5 s by default) away. Here the schedules are made so long (a stale hold of
 * ten minutes, a coordinator clock that never moves) that only the return can settle them within the test.
 */
class PeerReturnTest {

    private static final Cpf CPF = Cpf.parse("529.982.247-25");
    private static final Segment.Key SAO_PAULO_CURITIBA = new Segment.Key("São Paulo", "Curitiba");
    /** Closed after each test by JUnit (a test that never started one leaves it null, which is skipped). */
    @AutoClose
    private FederationInMemory federation;

    @Test
    void when_a_coordinator_returns_then_its_participant_asks_about_the_hold_it_left_and_the_seat_comes_back() {
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMinutes(10));
        // A asked B to hold a seat, then went down before deciding (as a coordinator killed mid-purchase).
        Vote vote = federation.node("B").participant().prepare(new Prepare(new TxnId("txn-left"), "A", TxnKind.PURCHASE, CPF,
                "LEFT01", List.of(SAO_PAULO_CURITIBA)));
        assertThat(vote).isInstanceOf(Vote.Held.class);
        federation.down("A");
        assertThat(count("B")).isEqualTo(new SeatInventory.Count(2, 1, 0));

        federation.up("A");

        // A never decided: asked, it presumes abort, and B releases the seat, long before the ten-minute check.
        await(() -> count("B").equals(new SeatInventory.Count(3, 0, 0)));
        assertThat(federation.node("A").decision(new TxnId("txn-left"))).isInstanceOf(Decision.Aborted.class);
    }

    @Test
    void when_a_participant_returns_then_the_commit_waiting_for_it_is_delivered_without_waiting_for_its_retry() {
        // A's clock stands still: a failed delivery's next try never comes due by itself.
        MutableClock clockOfA = MutableClock.of(Instant.now(), ZoneOffset.UTC);
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMinutes(10),
                config -> config.airline().equals("A") ? config.withClock(clockOfA) : config, (airline, store, events) -> store);
        federation.commitsThatThrow.get("B").set(1);

        PurchaseOutcome outcome = federation.node("A").purchase(new PurchaseOrder(CPF,
                PurchaseOrder.legs(List.of("B"), List.of("São Paulo", "Curitiba")), null));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
        await(() -> federation.node("A").health().pendingTransactions() > 0 || count("B").held() == 1);
        assertThat(count("B")).as("the COMMIT failed to leave: B still only holds the seat").isEqualTo(new SeatInventory.Count(2, 1, 0));

        federation.down("B");
        federation.up("B");

        await(() -> count("B").equals(new SeatInventory.Count(2, 0, 1)));
    }

    private SeatInventory.Count count(String airline) {
        return NodeInspection.of(federation.node(airline)).seatCounts().get(SAO_PAULO_CURITIBA);
    }

    /** Polls until {@code condition} holds, for at most 20 s: a return is picked up within about a second. */
    private static void await(java.util.function.BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
