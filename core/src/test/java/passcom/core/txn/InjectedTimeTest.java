package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import passcom.core.route.NetworkLoader;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.time.ManualTime;

/**
 * The participant's contention wait and the coordinator's retry backoff wait on the injected ticker and sleeper,
 * so a test moves time instead of sleeping through them: here a whole contended purchase, with every wait and
 * retry it makes, runs on {@link ManualTime}.
 */
class InjectedTimeTest {

    private static final Segment.Key SP_CWB = new Segment.Key("São Paulo", "Curitiba");
    private final ManualTime time = new ManualTime();
    /** Closed after each test by JUnit (a test that never started one leaves it null, which is skipped). */
    @AutoClose
    private FederationInMemory federation;

    @Test
    void when_a_chosen_seat_stays_held_by_an_undecided_purchase_then_the_buyer_is_told_it_is_taken_after_waits_on_the_injected_clock() {
        // A hold nobody will decide while the test runs: its coordinator is asked only after a minute.
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMinutes(1),
                config -> config, (airline, store, events) -> store, time, time);
        Vote stuck = federation.node("B").participant().prepare(new Prepare(new TxnId("txn-stuck"), "A", TxnKind.PURCHASE, "STUCK1", List.of(SP_CWB),
                List.of(new Prepare.Seating(SeatsAndPassengersTest.cpf(7), List.of(new SeatRequest.Chosen(2))))));
        assertThat(stuck).isInstanceOf(Vote.Held.class);

        PurchaseOutcome outcome = federation.node("C").purchase(new PurchaseOrder(
                List.of(PurchaseOrder.Traveller.seated(SeatsAndPassengersTest.cpf(1), 2)),
                PurchaseOrder.legs(List.of("B"), List.of("São Paulo", "Curitiba")), null));

        assertThat(outcome).isInstanceOfSatisfying(PurchaseOutcome.SeatTaken.class,
                taken -> assertThat(taken.seat().seat()).isEqualTo(2));
        assertThat(NodeInspection.of(federation.node("C")).contendedRetries()).as("the coordinator retried the contended seat").isPositive();
        assertThat(time.elapsed()).as("the participant waited for the hold on the injected clock")
                .isGreaterThanOrEqualTo(Participant.CONTENTION_WAIT);
        assertThat(NodeInspection.of(federation.node("B")).seatCounts().get(SP_CWB))
                .as("only the stuck hold remains: the buyer's attempts held nothing")
                .isEqualTo(new SeatInventory.Count(2, 1, 0));
    }
}
