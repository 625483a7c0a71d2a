package passcom.core.txn;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import passcom.core.InvalidRequest;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.UnknownSegment;
import passcom.core.seat.SeatAvailability;
import passcom.core.seat.SeatMap;

/**
 * Seat maps: the customer's (GET /assentos_cliente, asked of the airline that flies the leg, this one or a peer)
 * and a peer's (GET /assentos_servidor, this airline's own seat rows). A snapshot outside any transaction.
 */
final class SeatMapHandler {

    private final RouteNetwork network;
    private final Federation federation;
    private final SeatAvailability availability;
    private final Duration searchTimeout;

    SeatMapHandler(RouteNetwork network, Federation federation, SeatAvailability availability, Duration searchTimeout) {
        this.network = network;
        this.federation = federation;
        this.availability = availability;
        this.searchTimeout = searchTimeout;
    }

    /**
     * @throws InvalidRequest unknown city, segment or airline, or an airline that does not fly the segment
     * @throws AirlineUnreachable that airline did not answer
     */
    SeatMap seatMap(String origin, String destination, String legAirline) {
        RouteSearchHandler.validateTrip(network, origin, destination);
        if (legAirline == null || legAirline.isBlank()) {
            throw new InvalidRequest("informe a companhia");
        }
        Segment.Key segment = FlownSegments.require(network, federation.ports().keySet(), origin, destination, legAirline).key();
        try {
            return federation.port(legAirline).seatMap(segment).get(searchTimeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirlineUnreachable(legAirline, "interrompido");
        } catch (TimeoutException e) {
            throw new AirlineUnreachable(legAirline, "sem resposta em " + searchTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new AirlineUnreachable(legAirline, String.valueOf(e.getCause()));
        }
    }

    /** @throws UnknownSegment this airline does not fly it */
    SeatMap localSeatMap(Segment.Key segment) {
        return availability.seatMap(federation.self(), segment).orElseThrow(() -> new UnknownSegment(
                "a companhia " + federation.self() + " não voa o trecho " + segment));
    }
}
