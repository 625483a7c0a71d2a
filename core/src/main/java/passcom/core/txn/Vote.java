package passcom.core.txn;

import java.util.List;
import passcom.core.money.Money;
import passcom.core.seat.SeatOnLeg;

/** A participant's answer to {@link Prepare}. */
public sealed interface Vote {

    /**
     * Durably held: one {@link HeldLeg} per leg of the prepare, in the order asked (none for a cancellation,
     * which holds the booking's sold seats, not new ones).
     */
    record Held(List<HeldLeg> legs) implements Vote {
        public Held {
            legs = List.copyOf(legs);
        }

        public static Held cancellation() {
            return new Held(List.of());
        }

        /** The seat of passenger {@code passenger} (in the prepare's order) on leg {@code leg} of the prepare. */
        public int seat(int leg, int passenger) {
            return legs.get(leg).seats().get(passenger);
        }

        /** Whether it holds a seat for each of {@code passengers} on each of {@code legCount} legs (an older participant holds one a leg). */
        boolean holdsAll(int legCount, int passengers) {
            return legs.size() == legCount && legs.stream().allMatch(leg -> leg.seats().size() == passengers);
        }
    }

    /**
     * One leg of a {@link Held} vote: the seat numbers, one per passenger in the prepare's order, and what this
     * airline charges for one seat of the leg (each airline is the authority on its own price).
     */
    record HeldLeg(List<Integer> seats, Money price) {
        public HeldLeg {
            seats = List.copyOf(seats);
            java.util.Objects.requireNonNull(price, "price");
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
