package passcom.core.txn;

import java.util.List;
import passcom.core.money.Money;

/** A participant's answer to {@link Prepare}. */
public sealed interface Vote {

    /**
     * Durably held. For a purchase, {@code seats} are the seat numbers and {@code prices} what this airline
     * charges, one per leg in the order asked: each airline is the authority on its own price.
     */
    record Held(List<Integer> seats, List<Money> prices) implements Vote {
        public Held {
            seats = List.copyOf(seats);
            prices = List.copyOf(prices);
        }

        public static Held cancellation() {
            return new Held(List.of(), List.of());
        }
    }

    /**
     * Refused; nothing is held. {@code why} is the kind of refusal; {@code reason} says it for a person and
     * names the leg (e.g. "sem assento em São Paulo → Curitiba (B)").
     */
    record Refused(AbortReason why, String reason) implements Vote {
        public Refused {
            java.util.Objects.requireNonNull(why, "why");
        }

        /**
         * No seat was free, but some are held by transactions still deciding, so one may come back: the
         * coordinator retries after a random backoff instead of telling the customer "sold out".
         */
        public boolean contended() {
            return why == AbortReason.CONTENDED;
        }
    }
}
