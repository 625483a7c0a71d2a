package passcom.core.route.plan;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import passcom.core.route.Segment;

/**
 * One airline's answer to a route search: its k shortest loopless paths by total km over the segments it
 * can sell right now (at least one free seat). Equal distances are ordered by the city names, so the
 * answer equals "enumerate every simple path, sort by (km, city names), take k" without enumerating them
 * (Yen's algorithm, see {@link LooplessPaths}).
 *
 * <p>Immutable; build one per search from the current seat availability. Thread-safe.
 */
public final class PathFinder {

    private final LooplessPaths paths;

    /** @param usableSegments the segments to fly; a segment listed twice counts once */
    public PathFinder(Collection<Segment> usableSegments) {
        Objects.requireNonNull(usableSegments, "usableSegments");
        this.paths = LooplessPaths.byKm(usableSegments);
    }

    /**
     * Up to {@code k} loopless paths, shortest total km first, ties broken by the city names; each path a
     * city list from origin to destination. Empty when origin equals destination or either city has no
     * usable segment (callers validate city names against the network first).
     */
    public List<List<String>> shortest(String origin, String destination, int k) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        return paths.throughKth(origin, destination, k).stream()
                .sorted(RankedPath.BY_WEIGHT_THEN_CITIES)
                .limit(Math.max(k, 0))
                .map(RankedPath::cities)
                .toList();
    }
}
