package passcom.core.booking;

import java.time.Instant;
import java.util.List;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;

/** A committed purchase: its 6-character reference (localizador), the buyer, and every leg with its seat. */
public record Booking(String reference, Cpf cpf, List<BookedLeg> legs, Instant purchasedAt) {

    public Booking {
        legs = List.copyOf(legs);
    }

    public int km() {
        return legs.stream().mapToInt(l -> l.segment().km()).sum();
    }

    public Money price() {
        return legs.stream().map(BookedLeg::price).reduce(Money.ZERO, Money::plus);
    }
}
