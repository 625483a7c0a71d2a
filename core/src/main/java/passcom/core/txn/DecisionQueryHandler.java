package passcom.core.txn;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import passcom.core.booking.BookingStore;
import passcom.core.store.Store;

/**
 * Answers a participant's GET /decisao_servidor, as coordinator: {@code COMMITTED} → the commit with its booking,
 * {@code ABORTED} → aborted, {@code STARTED} → pending (a live request is waiting for votes), and no row → presumed
 * abort, recorded so that this coordinator can never commit the transaction later (its decision is conditional on
 * STARTED). Gray & Reuter, <i>Transaction Processing</i>, §12.4 (presumed abort); docs/purchase-protocol.md,
 * "Coordinator answering decision(txn)". Asked by {@link HoldResolver} at the participants.
 */
final class DecisionQueryHandler {

    private final Store store;
    private final BookingStore bookings;
    private final Clock clock;

    DecisionQueryHandler(Store store, BookingStore bookings, Clock clock) {
        this.store = store;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Returns once a presumed abort, when it is one, is durable. A known transaction costs one read, no write. */
    Decision decision(TxnId txnId) {
        Decision known = store.read(c -> {
            Optional<CoordinatorLog.TxnRecord> txn = CoordinatorLog.find(c, txnId);
            return txn.isPresent() ? decisionOf(c, txn.get()) : null;
        });
        if (known != null) {
            return known;
        }
        return store.write(c -> {
            Optional<CoordinatorLog.TxnRecord> txn = CoordinatorLog.find(c, txnId);
            if (txn.isEmpty()) {
                CoordinatorLog.recordUnknownAsAborted(c, txnId, clock.millis());
                return new Decision.Aborted();
            }
            return decisionOf(c, txn.get());
        });
    }

    private Decision decisionOf(Connection c, CoordinatorLog.TxnRecord txn) throws SQLException {
        return switch (txn.state()) {
            case STARTED -> new Decision.Pending();
            case ABORTED -> new Decision.Aborted();
            case COMMITTED -> Decision.committed(txn.id(), txn.kind(), bookings.find(c, txn.reference()).orElseThrow());
        };
    }
}
