package passcom.core.txn;

import passcom.core.booking.Booking;

/**
 * Phase-two COMMIT. Carries the final booking with every airline's seats, so that each participant keeps
 * a full copy and can list the booking even while the coordinator is down.
 */
public record Commit(TxnId txnId, TxnKind kind, Booking booking) {
}
