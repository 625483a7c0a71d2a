package passcom.core.txn;

/**
 * Why a transaction was aborted or a participant refused, stored by name ({@code txn.outcome},
 * {@code participation.refusal}) and never parsed out of a message.
 */
public enum AbortReason {
    /** A leg has no seat left: every seat is sold. Definite: the customer is told so (409). */
    SOLD_OUT,
    /** A seat the customer chose is sold (or still held by another purchase once the retries ran out). Definite (409). */
    SEAT_TAKEN,
    /** A leg had no free seat, but some are held by transactions still deciding: worth another try. */
    CONTENDED,
    /** An airline could not be reached or did not answer in time (503). */
    UNREACHABLE,
    /** The coordinator restarted before deciding; its request thread, and the customer's answer, died with it. */
    RECOVERED,
    /** Still undecided long after the prepare timeout, or its coordinator instance's lease ran out. */
    EXPIRED,
    /** A participant asked the coordinator about a transaction it never started, or had not decided: presumed abort. */
    PRESUMED,
    /** The booking reference drawn for the purchase already names another booking at a participant: draw a new one. */
    REFERENCE_TAKEN,
    /** A cancellation found the booking not active there (already cancelled, or being cancelled). */
    NOT_ACTIVE,
    /**
     * A participant refused the prepare as sent (its transport answered 400, 404 or 409: it validates before it
     * writes, so it holds nothing). Definite, but not a seat shortage: the customer hears which airline refused and why.
     * Made by the coordinator's port, never sent on the peer wire.
     */
    REFUSED_BY_AIRLINE;

    /** Whether the coordinator should try again under a new transaction (and, for a reference, a new reference). */
    boolean retryable() {
        return this == CONTENDED || this == REFERENCE_TAKEN;
    }
}
