package passcom.core.txn;

import passcom.core.booking.Booking;

/** How a cancellation ended. */
public sealed interface CancelOutcome {

    /** Every leg was given back on every airline. */
    record Cancelled(Booking booking) implements CancelOutcome {
    }

    /** An airline refused (e.g. a concurrent cancellation); nothing changed. */
    record Refused(String reason) implements CancelOutcome {
    }

    /** An airline could not be reached; nothing changed. */
    record Unreachable(String airline) implements CancelOutcome {
    }
}
