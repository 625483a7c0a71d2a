package passcom.core.booking;

import java.util.List;
import java.util.Objects;
import passcom.core.money.Money;
import passcom.core.route.Segment;

/**
 * A leg of a booking: the segment, the airline that flies it, the seat it assigned each passenger (in the
 * booking's passenger order, each 1..capacity and distinct), and the price of one seat.
 */
public record BookedLeg(Segment segment, String airline, List<Integer> seats, Money price) {

    public BookedLeg {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(airline, "airline");
        Objects.requireNonNull(price, "price");
        seats = List.copyOf(seats);
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("a booked leg needs a seat per passenger: " + segment);
        }
        if (seats.stream().distinct().count() != seats.size()) {
            throw new IllegalArgumentException("two passengers on one seat of " + segment + ": " + seats);
        }
    }

    /** A one-passenger leg. */
    public BookedLeg(Segment segment, String airline, int seat, Money price) {
        this(segment, airline, List.of(seat), price);
    }

    /** The first passenger's seat (the original one-passenger booking's only seat). */
    public int seat() {
        return seats.get(0);
    }
}
