package passcom.core.booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import passcom.api.OrderCheck;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;

/**
 * A committed purchase: its 6-character reference (localizador), its passengers (1 to
 * {@link OrderCheck#MAX_PASSENGERS}, distinct CPFs; the first is the one the original one-passenger API shows), every
 * leg with a seat per passenger, and the airline that sold it (the purchase's coordinator, which keeps a
 * copy even when it flies no leg). {@code buyer} is the account that bought it with a token (issue 16), or null
 * for a guest; only the selling airline's copy records it (peer messages do not carry it).
 */
public record Booking(String reference, List<Passenger> passengers, List<BookedLeg> legs, Instant purchasedAt, String soldBy,
                      Cpf buyer) {

    /** Passengers one purchase may carry. */

    /** Kept to the millisecond, as the stores keep it, so a booking read back equals the one written. */
    public Booking {
        passengers = List.copyOf(passengers);
        legs = List.copyOf(legs);
        purchasedAt = purchasedAt.truncatedTo(ChronoUnit.MILLIS);
        if (passengers.isEmpty() || passengers.size() > OrderCheck.MAX_PASSENGERS) {
            throw new IllegalArgumentException("a booking has 1 to " + OrderCheck.MAX_PASSENGERS + " passengers, not " + passengers.size());
        }
        if (passengers.stream().map(Passenger::cpf).distinct().count() != passengers.size()) {
            throw new IllegalArgumentException("a CPF appears twice among the passengers of " + reference);
        }
        for (BookedLeg leg : legs) {
            if (leg.seats().size() != passengers.size()) {
                throw new IllegalArgumentException("booking " + reference + ": leg " + leg.segment().key() + " has " + leg.seats().size()
                        + " seat(s) for " + passengers.size() + " passenger(s)");
            }
        }
    }

    /** A booking bought as a guest (no buyer account). */
    public Booking(String reference, List<Passenger> passengers, List<BookedLeg> legs, Instant purchasedAt, String soldBy) {
        this(reference, passengers, legs, purchasedAt, soldBy, null);
    }

    /** A one-passenger booking without a name (the original shape). */
    public Booking(String reference, Cpf cpf, List<BookedLeg> legs, Instant purchasedAt, String soldBy) {
        this(reference, List.of(new Passenger(cpf, null)), legs, purchasedAt, soldBy);
    }

    /** The first passenger's CPF: the booking's holder in the original API and in the per-airline listing. */
    public Cpf cpf() {
        return passengers.get(0).cpf();
    }

    /** Whether {@code cpf} travels on this booking. */
    public boolean carries(Cpf cpf) {
        return passengers.stream().anyMatch(p -> p.cpf().equals(cpf));
    }

    /** The seats of passenger {@code index}, one per leg in order. */
    public List<Integer> seatsOf(int index) {
        return legs.stream().map(leg -> leg.seats().get(index)).toList();
    }

    public int km() {
        return legs.stream().mapToInt(l -> l.segment().km()).sum();
    }

    /** What the whole booking cost: every leg's seat price, times the passengers. */
    public Money price() {
        Money perPassenger = legs.stream().map(BookedLeg::price).reduce(Money.ZERO, Money::plus);
        Money total = Money.ZERO;
        for (int i = 0; i < passengers.size(); i++) {
            total = total.plus(perPassenger);
        }
        return total;
    }
}
