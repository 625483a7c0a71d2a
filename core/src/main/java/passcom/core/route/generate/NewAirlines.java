package passcom.core.route.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import passcom.core.route.Airline;
import passcom.core.route.InvalidNetwork;
import passcom.core.route.RouteNetwork;

/**
 * Gives a network the airlines of a federation it does not list, so that any number of airlines can fly a
 * network file written for fewer (the default one lists A, B and C; {@code ./passcom --companhias 6} also
 * needs D, E and F). An airline the file lists keeps its price and seats. A new one flies every segment the
 * network's first airline (in id order: A) flies, with the same seats, at the {@link PriceLadder} price of
 * its position in the federation's list: D, fourth, at R$ 175 per 100 km. Deterministic: the same network
 * and list give an equal network.
 */
public final class NewAirlines {

    private NewAirlines() {
    }

    /**
     * @param federation the federation's airline ids in order (their positions price the new ones); no repeats
     * @throws IllegalArgumentException an id repeated, or one that is not a valid airline id
     * @throws InvalidNetwork the network has no airline to copy the seats of
     */
    public static RouteNetwork addTo(RouteNetwork network, List<String> federation) {
        Set<String> seen = new HashSet<>();
        for (String id : federation) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("airline " + id + " is listed twice");
            }
        }
        if (network.airlines().isEmpty()) {
            throw new InvalidNetwork("the network has no airline whose segments and seats new airlines could fly");
        }
        Airline template = network.airlines().iterator().next();
        RouteNetwork result = network;
        for (int position = 0; position < federation.size(); position++) {
            String id = federation.get(position);
            if (network.airline(id).isEmpty()) {
                result = result.withAirline(new Airline(id, PriceLadder.priceOf(position), new TreeMap<>(template.capacity())));
            }
        }
        return result;
    }

    /** The ids of {@code federation} that {@code network} does not list, in the federation's order. */
    public static List<String> missingFrom(RouteNetwork network, List<String> federation) {
        return federation.stream().filter(id -> network.airline(id).isEmpty()).toList();
    }
}
