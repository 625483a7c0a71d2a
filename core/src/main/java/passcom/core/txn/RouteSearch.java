package passcom.core.txn;

import java.util.List;
import java.util.Map;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.RouteOptions;

/**
 * A federated route search: the merged options, every answering airline's own answer, who did not answer, and per
 * answering airline the age in ms of the availability its answer was planned from (0 for one asked just now).
 */
public record RouteSearch(String origin, String destination, RouteOptions options, List<AirlinePaths> answers, List<String> unavailable,
                          Map<String, Long> dataAgeMillis) {

    public RouteSearch {
        dataAgeMillis = Map.copyOf(dataAgeMillis);
    }

    /** This search with other ages: the merge is reused while its inputs stand, the ages change with every search. */
    RouteSearch at(Map<String, Long> ages) {
        return new RouteSearch(origin, destination, options, answers, unavailable, ages);
    }
}
