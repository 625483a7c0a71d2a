package passcom.core.route.plan;

import java.util.List;
import passcom.core.route.Itinerary;

/** What the customer chooses from: the 5 shortest itineraries by (km, price) and the 5 cheapest by (price, km). */
public record RouteOptions(List<Itinerary> shortest, List<Itinerary> cheapest) {
    public RouteOptions {
        shortest = List.copyOf(shortest);
        cheapest = List.copyOf(cheapest);
    }
}
