package passcom.core.txn;

import passcom.core.booking.Booking;

/** The coordinator's answer to "what happened to transaction X?". */
public sealed interface Decision {
    /** Committed: the participant applies {@code commit}. */
    record Committed(Commit commit) implements Decision {
    }

    /** Aborted, or never known here (presumed abort): release. This coordinator will never commit it. */
    record Aborted() implements Decision {
    }

    /** Still deciding: the coordinator is waiting for votes. Ask again later; keep the hold. */
    record Pending() implements Decision {
    }

    static Decision committed(TxnId txnId, TxnKind kind, Booking booking) {
        return new Committed(new Commit(txnId, kind, booking));
    }
}
