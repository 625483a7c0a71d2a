package passcom.core.txn;

import java.util.List;
import java.util.Set;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;

/**
 * One airline's answer about a CPF: the active bookings it knows in full (those it coordinated or confirmed),
 * the references it knows to be cancelled, and its own sold legs (for the original per-airline listing).
 */
public record AirlineTickets(String airline, List<Booking> bookings, Set<String> cancelled, List<BookedLeg> soldLegs) {
    public AirlineTickets {
        bookings = List.copyOf(bookings);
        cancelled = Set.copyOf(cancelled);
        soldLegs = List.copyOf(soldLegs);
    }
}
