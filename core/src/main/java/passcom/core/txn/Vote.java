package passcom.core.txn;

import java.util.List;
import passcom.core.money.Money;
import passcom.core.seat.SeatOnLeg;

/** A participant's answer to {@link Prepare}. */
public sealed interface Vote {

    /**
     * Durably held. For a purchase, {@code seats} are the seat numbers, leg by leg in the order asked and, within
     * a leg, one per passenger in the prepare's order (so with one passenger, one per leg); {@code prices} are
     * what this airline charges for one seat of each leg: each airline is the authority on its own price.
     */
    record Held(List<Integer> seats, List<Money> prices) implements Vote {
        public Held {
            seats = List.copyOf(seats);
            prices = List.copyOf(prices);
        }

        public static Held cancellation() {
            return new Held(List.of(), List.of());
        }

        /** The seat of passenger {@code passenger} (of {@code passengers}) on leg {@code leg} of the prepare. */
        public int seat(int leg, int passenger, int passengers) {
            return seats.get(leg * passengers + passenger);
        }
    }

    /**
     * Refused; nothing is held. {@code why} is the kind of refusal; {@code reason} says it for a person and
     * names the leg (e.g. "sem assento em São Paulo → Curitiba (B)"); {@code seat} is the chosen seat that was
     * taken, when that is why (null otherwise).
     */
    record Refused(AbortReason why, String reason, SeatOnLeg seat) implements Vote {
        public Refused {
            java.util.Objects.requireNonNull(why, "why");
        }

        public Refused(AbortReason why, String reason) {
            this(why, reason, null);
        }

        /**
         * No seat was free (or the chosen one was held), but some are held by transactions still deciding, so
         * one may come back: the coordinator retries after a random backoff instead of telling the customer "sold out".
         */
        public boolean contended() {
            return why == AbortReason.CONTENDED;
        }
    }
}
