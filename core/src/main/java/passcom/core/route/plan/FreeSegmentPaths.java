package passcom.core.route.plan;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import passcom.core.money.Money;
import passcom.core.route.Segment;

/**
 * One airline's best paths over one set of its segments with a free seat (the original rule: {@link PathFinder}'s
 * k shortest loopless paths), computed on first use and remembered per trip. Immutable inputs; thread-safe.
 *
 * <p>The search itself is a {@link PathSearch}, which airlines with the same usable segments share
 * ({@link SharedPathSearches}). An airline whose usable segments are a strict subset of another's current search
 * (it has sold out a few segments the other has not) first reads that wider search's answer: if none of its paths
 * uses a segment this airline cannot sell, it is this airline's answer too. Why that is exact: this airline's
 * simple paths are some of the wider search's, ordered by the same (km, city names); the wider search's first k
 * are the smallest of all of its paths, so when all of them are usable here no path usable here can come before
 * any of them (and when it found fewer than k, those are every path there is). Otherwise the airline's own search
 * runs.
 */
public final class FreeSegmentPaths {

    /** Memoised answers; beyond this the memo starts again (a 1,000-city network has a million pairs). */
    static final int MAX_ANSWERS = PathSearch.MAX_ANSWERS;

    /** A wider search to try first, the segments it may use and this airline may not, and whether it is still in use. */
    record Wider(PathSearch search, Set<Segment.Key> beyond, BooleanSupplier inUse) {
    }

    private final String airline;
    private final Money pricePer100Km;
    private final Set<Segment.Key> free;
    private final PathSearch search;
    private final Wider wider;
    private final Map<Trip, AirlinePaths> answers = new ConcurrentHashMap<>();

    /**
     * A search of its own, shared with no one (an airline's answers to its peers, {@link LocalPathsCache}).
     *
     * @param flown every segment the airline flies
     * @param free  those with at least one free seat
     */
    public FreeSegmentPaths(String airline, Money pricePer100Km, List<Segment> flown, Set<Segment.Key> free, int pathsPerAnswer) {
        this(airline, pricePer100Km, free, ownSearch(flown, Set.copyOf(free), pathsPerAnswer), null);
    }

    FreeSegmentPaths(String airline, Money pricePer100Km, Set<Segment.Key> free, PathSearch search, Wider wider) {
        this.airline = Objects.requireNonNull(airline, "airline");
        this.pricePer100Km = Objects.requireNonNull(pricePer100Km, "pricePer100Km");
        this.free = Set.copyOf(free);
        this.search = Objects.requireNonNull(search, "search");
        this.wider = wider;
    }

    private static PathSearch ownSearch(List<Segment> flown, Set<Segment.Key> free, int pathsPerAnswer) {
        List<Segment> usable = flown.stream().filter(s -> free.contains(s.key())).toList();
        return new PathSearch(new BitSet(), () -> new PathFinder(usable), pathsPerAnswer);
    }

    /** The segments these paths may use. */
    public Set<Segment.Key> free() {
        return free;
    }

    /** The search behind these paths (shared or not). */
    PathSearch search() {
        return search;
    }

    /**
     * The airline's best paths from {@code origin} to {@code destination} over the free segments: the same instance
     * while remembered, so merges of it can be memoised by identity ({@link SameInputsMemo}).
     */
    public AirlinePaths paths(String origin, String destination) {
        return paths(new Trip(origin, destination));
    }

    /** {@link #paths(String, String)} of a trip a route query made once for all its look-ups. */
    public AirlinePaths paths(Trip trip) {
        AirlinePaths paths = answers.get(trip);
        if (paths == null) {
            paths = new AirlinePaths(airline, pricePer100Km, search(trip.origin(), trip.destination()));
            if (answers.size() >= MAX_ANSWERS) {
                answers.clear();
            }
            answers.put(trip, paths);
        }
        return paths;
    }

    private List<List<String>> search(String origin, String destination) {
        if (wider != null && wider.inUse().getAsBoolean()) {
            List<List<String>> widest = wider.search().paths(origin, destination);
            if (avoids(widest, wider.beyond())) {
                return widest;
            }
        }
        return search.paths(origin, destination);
    }

    private static boolean avoids(List<List<String>> paths, Set<Segment.Key> segments) {
        for (List<String> path : paths) {
            for (int i = 1; i < path.size(); i++) {
                if (segments.contains(new Segment.Key(path.get(i - 1), path.get(i)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
