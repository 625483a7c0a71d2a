package passcom.core.txn;

import java.util.List;

/** A participant's answer to {@link Prepare}. */
public sealed interface Vote {

    /** Durably held. For a purchase, {@code seats} are the seat numbers, one per leg in the order asked. */
    record Held(List<Integer> seats) implements Vote {
        public Held {
            seats = List.copyOf(seats);
        }
    }

    /** Refused; nothing is held. {@code reason} names the leg (e.g. "sem assento em São Paulo → Curitiba (B)"). */
    record Refused(String reason) implements Vote {
    }
}
