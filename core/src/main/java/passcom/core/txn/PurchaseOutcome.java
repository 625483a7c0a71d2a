package passcom.core.txn;

import passcom.core.booking.Booking;
import passcom.core.seat.SeatOnLeg;

/** How a purchase ended, as the customer must be told. Each case maps to one HTTP status. */
public sealed interface PurchaseOutcome {

    /** COMMIT is durable: the customer owns these seats. */
    record Bought(Booking booking) implements PurchaseOutcome {
    }

    /** Aborted because a leg had no free seat; {@code reason} names the leg. Nothing was bought. */
    record SoldOut(String reason) implements PurchaseOutcome {
    }

    /**
     * Aborted because a seat the customer chose was taken meanwhile; {@code reason} names it, and so does
     * {@code seat} (null when a retry with the same request id replays the outcome). Nothing was bought.
     */
    record SeatTaken(String reason, SeatOnLeg seat) implements PurchaseOutcome {
    }

    /**
     * Aborted because an airline could not be reached. Nothing was bought. Definite: a repeat of the same request
     * id is told the same (not "still deciding", not a new attempt); a new purchase needs a new id.
     */
    record Unreachable(String airline) implements PurchaseOutcome {
    }

    /**
     * Aborted for a reason a retry of the same order cannot change: the coordinator restarted before deciding (told
     * to the repeat of an {@code id_pedido} whose abort is recorded), no free booking reference, or an airline
     * refused the prepare as sent ({@link AbortReason#REFUSED_BY_AIRLINE}; {@code reason} names it). Definite,
     * nothing was bought.
     */
    record NotBought(String reason) implements PurchaseOutcome {
    }

    /** A request with this id is still being decided (a concurrent retry); ask again, it will not buy twice. */
    record InProgress(String requestId) implements PurchaseOutcome {
    }
}
