package passcom.it;

import java.util.TreeMap;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/** The default network with capacities a scenario needs. */
final class Networks {

    private Networks() {
    }

    static RouteNetwork defaultNetwork() {
        return NetworkLoader.loadDefault();
    }

    /** {@code network} with every airline flying every segment it flies with {@code seats} seats. */
    static RouteNetwork withSeatsEverywhere(RouteNetwork network, int seats) {
        RouteNetwork result = network;
        for (Airline airline : network.airlines()) {
            var capacity = new TreeMap<Segment.Key, Integer>();
            airline.capacity().keySet().forEach(segment -> capacity.put(segment, seats));
            result = result.withAirline(airline.withCapacity(capacity));
        }
        return result;
    }

    /** {@code network} with {@code airline} flying {@code from → to} with {@code seats} seats. */
    static RouteNetwork withSeats(RouteNetwork network, String airline, String from, String to, int seats) {
        Airline a = network.airline(airline).orElseThrow();
        var capacity = new TreeMap<>(a.capacity());
        capacity.put(new Segment.Key(from, to), seats);
        return network.withAirline(a.withCapacity(capacity));
    }
}
