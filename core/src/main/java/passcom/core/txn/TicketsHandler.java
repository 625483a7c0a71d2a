package passcom.core.txn;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.cpf.Cpf;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatAvailability;
import passcom.core.store.Store;

/**
 * A passenger's tickets: the customer's listing (GET /passagens_cliente: every airline asked in parallel, each
 * booking once, cancelled ones left out) and a peer's (GET /passagens_servidor: the bookings this airline keeps
 * in full and its own sold legs). Reads only. Thread-safe.
 */
final class TicketsHandler {

    private final RouteNetwork network;
    private final Airline me;
    private final Federation federation;
    private final Store store;
    private final BookingStore bookings;
    private final SeatAvailability availability;

    TicketsHandler(RouteNetwork network, Federation federation, Store store, BookingStore bookings, SeatAvailability availability) {
        this.network = network;
        this.me = network.airline(federation.self()).orElseThrow();
        this.federation = federation;
        this.store = store;
        this.bookings = bookings;
        this.availability = availability;
    }

    TicketSearch tickets(Cpf cpf) {
        Map<String, AirlineTickets> answers = federation.gather(port -> port.tickets(cpf));
        List<String> unavailable = federation.missingFrom(answers);
        Set<String> cancelled = answers.values().stream().flatMap(t -> t.cancelled().stream()).collect(Collectors.toSet());
        Map<String, Booking> byReference = new LinkedHashMap<>();
        answers.values().forEach(t -> t.bookings().forEach(b -> byReference.putIfAbsent(b.reference(), b)));
        List<Booking> active = byReference.values().stream()
                .filter(b -> !cancelled.contains(b.reference()))
                .sorted(Comparator.comparing(Booking::purchasedAt).thenComparing(Booking::reference))
                .toList();
        return new TicketSearch(cpf, active, List.copyOf(answers.values()), unavailable);
    }

    AirlineTickets localTickets(Cpf cpf) {
        Set<String> cancelled = new HashSet<>(bookings.cancelledFor(cpf));
        cancelled.addAll(store.read(c -> CoordinatorLog.committedCancellations(c, cpf.digits())));
        List<BookedLeg> sold = availability.soldSeats(cpf).stream().map(seat -> {
            Segment segment = network.segment(seat.segment().origin(), seat.segment().destination()).orElseThrow();
            return new BookedLeg(segment, me.id(), seat.number(), me.pricePer100Km().forDistance(segment.km()));
        }).toList();
        return new AirlineTickets(me.id(), bookings.activeFor(cpf), cancelled, sold);
    }
}
