package passcom.core.route.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import passcom.core.money.Money;
import passcom.core.route.Segment;

/**
 * One airline's best paths over one set of its segments with a free seat (the original rule: {@link PathFinder}'s
 * k shortest loopless paths), computed on first use and remembered per trip. The graph is built on the first
 * search, so a set that no search reads costs nothing. Immutable inputs; thread-safe.
 */
public final class FreeSegmentPaths {

    /** Memoised answers; beyond this the memo starts again (a 1,000-city network has a million pairs). */
    static final int MAX_ANSWERS = 2_048;

    private final String airline;
    private final Money pricePer100Km;
    private final List<Segment> flown;
    private final Set<Segment.Key> free;
    private final int pathsPerAnswer;
    private final Map<List<String>, AirlinePaths> answers = new ConcurrentHashMap<>();
    private volatile PathFinder finder;

    /**
     * @param flown every segment the airline flies
     * @param free  those with at least one free seat
     */
    public FreeSegmentPaths(String airline, Money pricePer100Km, List<Segment> flown, Set<Segment.Key> free, int pathsPerAnswer) {
        this.airline = Objects.requireNonNull(airline, "airline");
        this.pricePer100Km = Objects.requireNonNull(pricePer100Km, "pricePer100Km");
        this.flown = List.copyOf(flown);
        this.free = Set.copyOf(free);
        this.pathsPerAnswer = pathsPerAnswer;
    }

    /** The segments these paths may use. */
    public Set<Segment.Key> free() {
        return free;
    }

    /**
     * The airline's best paths from {@code origin} to {@code destination} over the free segments: the same instance
     * while remembered, so merges of it can be memoised by identity ({@link SameInputsMemo}).
     */
    public AirlinePaths paths(String origin, String destination) {
        List<String> trip = List.of(origin, destination);
        AirlinePaths paths = answers.get(trip);
        if (paths == null) {
            paths = new AirlinePaths(airline, pricePer100Km, finder().shortest(origin, destination, pathsPerAnswer));
            if (answers.size() >= MAX_ANSWERS) {
                answers.clear();
            }
            answers.put(trip, paths);
        }
        return paths;
    }

    private PathFinder finder() {
        PathFinder current = finder;
        if (current == null) {
            current = new PathFinder(flown.stream().filter(s -> free.contains(s.key())).toList());
            finder = current; // two threads may both build it: same result, and cheaper than a lock on every search
        }
        return current;
    }
}
