package passcom.core.route.plan;

import java.util.Collection;
import java.util.List;
import passcom.core.route.Segment;

/** One airline's k shortest loopless paths over the segments it can sell right now. (Implementation pending: issue 2.) */
public final class PathFinder {

    public PathFinder(Collection<Segment> usableSegments) {
        throw new UnsupportedOperationException("PathFinder not implemented yet");
    }

    /** Up to {@code k} loopless paths, shortest total km first, ties broken by the city names; each path a city list. */
    public List<List<String>> shortest(String origin, String destination, int k) {
        throw new UnsupportedOperationException("PathFinder not implemented yet");
    }
}
