package passcom.core.txn;

import java.util.List;
import passcom.core.booking.Booking;
import passcom.core.cpf.Cpf;

/** A CPF's bookings gathered from every airline, each airline's own answer, and who did not answer. */
public record TicketSearch(Cpf cpf, List<Booking> bookings, List<AirlineTickets> answers, List<String> unavailable) {
}
