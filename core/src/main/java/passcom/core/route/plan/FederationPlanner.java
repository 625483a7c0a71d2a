package passcom.core.route.plan;

import java.util.List;
import passcom.core.route.RouteNetwork;

/** Merges the airlines' answers into the 5 shortest and 5 cheapest itineraries. (Implementation pending: issue 2.) */
public final class FederationPlanner {

    private FederationPlanner() {
    }

    public static RouteOptions plan(RouteNetwork network, String connectedAirline, String origin, String destination, List<AirlinePaths> answers) {
        throw new UnsupportedOperationException("FederationPlanner not implemented yet");
    }
}
