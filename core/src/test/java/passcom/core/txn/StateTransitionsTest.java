package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;
import passcom.core.seat.SeatState;
import passcom.core.store.Store;
import passcom.core.store.TestStores;

/**
 * Each state enum owns its transitions, and a transition it does not allow fails loudly instead of writing:
 * a decided transaction or participation never changes, and a seat moves only along hold → sell → give back.
 */
class StateTransitionsTest {

    private static final Cpf CPF = Cpf.parse("52998224725");

    @Test
    void a_decided_transaction_is_terminal_and_cannot_be_decided_again() {
        assertThat(CoordinatorLog.State.STARTED.isTerminal()).isFalse();
        assertThat(CoordinatorLog.State.STARTED.canMoveTo(CoordinatorLog.State.COMMITTED)).isTrue();
        assertThat(CoordinatorLog.State.STARTED.canMoveTo(CoordinatorLog.State.ABORTED)).isTrue();
        for (CoordinatorLog.State decided : List.of(CoordinatorLog.State.COMMITTED, CoordinatorLog.State.ABORTED)) {
            assertThat(decided.isTerminal()).isTrue();
            for (CoordinatorLog.State next : CoordinatorLog.State.values()) {
                assertThat(decided.canMoveTo(next)).as("%s → %s", decided, next).isFalse();
            }
        }
    }

    @Test
    void a_participation_moves_only_from_prepared() {
        assertThat(ParticipantLog.State.PREPARED.isTerminal()).isFalse();
        assertThat(ParticipantLog.State.PREPARED.canMoveTo(ParticipantLog.State.COMMITTED)).isTrue();
        assertThat(ParticipantLog.State.PREPARED.canMoveTo(ParticipantLog.State.ABORTED)).isTrue();
        assertThat(ParticipantLog.State.PREPARED.canMoveTo(ParticipantLog.State.PREPARED)).isFalse();
        assertThat(ParticipantLog.State.COMMITTED.canMoveTo(ParticipantLog.State.ABORTED)).isFalse();
        assertThat(ParticipantLog.State.ABORTED.canMoveTo(ParticipantLog.State.COMMITTED)).isFalse();
    }

    @Test
    void a_seat_is_held_before_it_is_sold_and_only_given_back_from_held_or_sold() {
        assertThat(SeatState.FREE.canMoveTo(SeatState.HELD)).isTrue();
        assertThat(SeatState.FREE.canMoveTo(SeatState.SOLD)).as("a seat is never sold without a hold").isFalse();
        assertThat(SeatState.HELD.canMoveTo(SeatState.SOLD)).isTrue();
        assertThat(SeatState.HELD.canMoveTo(SeatState.FREE)).isTrue();
        assertThat(SeatState.SOLD.canMoveTo(SeatState.HELD)).isFalse();
        assertThat(SeatState.SOLD.canMoveTo(SeatState.FREE)).as("a committed cancellation").isTrue();
    }

    @Test
    void moving_a_committed_participation_to_aborted_fails_and_changes_nothing() {
        try (Store store = Store.open(TestStores.newStoreUrl(TestStores.Engine.SQLITE, "transitions"), Duration.ofSeconds(15))) {
            Prepare prepare = new Prepare(new TxnId("t-committed"), "A", TxnKind.PURCHASE, CPF, "ABCDEF", List.of(new Segment.Key("Cuiabá", "Goiânia")));
            store.write(c -> {
                ParticipantLog.recordVote(c, prepare, null, 0, 0);
                ParticipantLog.move(c, new TxnId("t-committed"), ParticipantLog.State.PREPARED, ParticipantLog.State.COMMITTED);
                return null;
            });

            assertThatThrownBy(() -> store.write(c -> {
                ParticipantLog.move(c, new TxnId("t-committed"), ParticipantLog.State.COMMITTED, ParticipantLog.State.ABORTED);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("COMMITTED → ABORTED");
            assertThatThrownBy(() -> store.write(c -> {
                ParticipantLog.move(c, new TxnId("t-committed"), ParticipantLog.State.PREPARED, ParticipantLog.State.ABORTED);
                return null;
            })).as("the row is not PREPARED any more").isInstanceOf(IllegalStateException.class);

            assertThat(store.read(c -> ParticipantLog.find(c, new TxnId("t-committed"))).orElseThrow().state()).isEqualTo(ParticipantLog.State.COMMITTED);
        }
    }

    @Test
    void deciding_a_transaction_back_to_started_fails_before_writing() {
        try (Store store = Store.open(TestStores.newStoreUrl(TestStores.Engine.SQLITE, "decide"), Duration.ofSeconds(15))) {
            store.write(c -> {
                CoordinatorLog.start(c, new TxnId("t-1"), null, TxnKind.PURCHASE, CPF.digits(), "ABCDEF", List.of("A"), "me", 0);
                return null;
            });

            assertThatThrownBy(() -> store.write(c -> CoordinatorLog.decide(c, new TxnId("t-1"), CoordinatorLog.State.STARTED, null, null, List.of("A"), 0)))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat((long) store.read(CoordinatorLog::countPendingDeliveries)).as("no delivery written").isZero();
            assertThat(store.read(c -> CoordinatorLog.find(c, new TxnId("t-1"))).orElseThrow().state()).isEqualTo(CoordinatorLog.State.STARTED);
        }
    }
}
