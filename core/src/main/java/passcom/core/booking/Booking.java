package passcom.core.booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;

/**
 * A committed purchase: its 6-character reference (localizador), the buyer, every leg with its seat, and
 * the airline that sold it (the purchase's coordinator, which keeps a copy even when it flies no leg).
 */
public record Booking(String reference, Cpf cpf, List<BookedLeg> legs, Instant purchasedAt, String soldBy) {

    /** Kept to the millisecond, as the stores keep it, so a booking read back equals the one written. */
    public Booking {
        legs = List.copyOf(legs);
        purchasedAt = purchasedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public int km() {
        return legs.stream().mapToInt(l -> l.segment().km()).sum();
    }

    public Money price() {
        return legs.stream().map(BookedLeg::price).reduce(Money.ZERO, Money::plus);
    }
}
