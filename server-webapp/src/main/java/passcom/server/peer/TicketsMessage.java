package passcom.server.peer;

import java.util.List;
import java.util.Set;
import passcom.core.txn.AirlineTickets;
import passcom.server.http.MalformedRequest;

/** Wire form of {@link AirlineTickets}, the /passagens_servidor answer; bookings and legs in the peer wire's own records. */
public record TicketsMessage(String companhia, List<BookingMessage> passagens, Set<String> canceladas,
                             List<BookingMessage.LegMessage> trechosVendidos) {

    public static TicketsMessage of(AirlineTickets tickets) {
        return new TicketsMessage(tickets.airline(), tickets.bookings().stream().map(BookingMessage::of).toList(),
                tickets.cancelled(), tickets.soldLegs().stream().map(BookingMessage.LegMessage::of).toList());
    }

    public AirlineTickets toTickets() {
        return new AirlineTickets(MalformedRequest.require(companhia, "companhia"),
                MalformedRequest.require(passagens, "passagens").stream().map(p -> MalformedRequest.require(p, "passagens").toBooking()).toList(),
                canceladas == null ? Set.of() : canceladas,
                trechosVendidos == null ? List.of() : trechosVendidos.stream().map(BookingMessage.LegMessage::toBookedLeg).toList());
    }
}
