package passcom.core.route.plan;

import java.util.List;
import passcom.core.money.Money;

/**
 * One airline's answer to a route search: its price per 100 km and its best loopless paths (city lists)
 * over the segments where it has a free seat, shortest first. The federation merges these.
 */
public record AirlinePaths(String airline, Money pricePer100Km, List<List<String>> paths) {
    public AirlinePaths {
        paths = paths.stream().map(List::copyOf).toList();
    }
}
