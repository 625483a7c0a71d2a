package passcom.core.txn;

import java.util.List;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.RouteOptions;

/** A federated route search: the merged options, every answering airline's own answer, and who did not answer. */
public record RouteSearch(String origin, String destination, RouteOptions options, List<AirlinePaths> answers, List<String> unavailable) {
}
