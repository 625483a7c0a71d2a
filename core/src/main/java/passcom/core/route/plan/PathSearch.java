package passcom.core.route.plan;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The k best loopless paths ({@link PathFinder}) over one set of usable segments, computed on first use and
 * remembered per trip. The answer is a function of the set alone: every airline flies a segment with the same
 * km, and {@link PathFinder}'s answer equals "sort every simple path by (km, city names), take k", whatever the
 * order the segments come in. So every airline whose usable segments are exactly this set may share one
 * ({@link SharedPathSearches}), and its memo answers them all.
 *
 * <p>The set is kept as bits over a numbering of the network's segments ({@code usable}), so that equality and
 * inclusion between two searches cost a few machine words, not a hash lookup per segment. The graph is built on
 * the first search. Thread-safe.
 */
final class PathSearch {

    /** Memoised answers; beyond this the memo starts again (a 1,000-city network has a million pairs). */
    static final int MAX_ANSWERS = 2_048;

    private final BitSet usable;
    private final Supplier<PathFinder> graph;
    private final int pathsPerAnswer;
    private final Map<List<String>, List<List<String>>> answers = new ConcurrentHashMap<>();
    private volatile PathFinder finder;

    /**
     * @param usable the usable segments' numbers (not copied: the caller hands it over)
     * @param graph  builds the finder over exactly those segments
     */
    PathSearch(BitSet usable, Supplier<PathFinder> graph, int pathsPerAnswer) {
        this.usable = usable;
        this.graph = graph;
        this.pathsPerAnswer = pathsPerAnswer;
    }

    /** The k best paths from {@code origin} to {@code destination}: the same list instance while remembered. */
    List<List<String>> paths(String origin, String destination) {
        List<String> trip = List.of(origin, destination);
        List<List<String>> paths = answers.get(trip);
        if (paths == null) {
            paths = finder().shortest(origin, destination, pathsPerAnswer);
            if (answers.size() >= MAX_ANSWERS) {
                answers.clear();
            }
            answers.put(trip, paths);
        }
        return paths;
    }

    /** Whether this search's answers are exactly {@code other}'s: the same usable segments and k. */
    boolean sameAs(BitSet otherUsable, int otherPathsPerAnswer) {
        return pathsPerAnswer == otherPathsPerAnswer && usable.equals(otherUsable);
    }

    /**
     * Whether every segment {@code narrower} may use this one may use too, and more (then a path list of this
     * one that avoids the extra segments is also {@code narrower}'s answer: see {@link FreeSegmentPaths}).
     */
    boolean strictlyCovers(BitSet narrower) {
        if (usable.equals(narrower)) {
            return false;
        }
        BitSet outside = (BitSet) narrower.clone();
        outside.andNot(usable);
        return outside.isEmpty();
    }

    /** The segments this search may use and {@code narrower} may not. */
    BitSet beyond(BitSet narrower) {
        BitSet extra = (BitSet) usable.clone();
        extra.andNot(narrower);
        return extra;
    }

    int pathsPerAnswer() {
        return pathsPerAnswer;
    }

    int size() {
        return usable.cardinality();
    }

    private PathFinder finder() {
        PathFinder current = finder;
        if (current == null) {
            current = graph.get();
            finder = current; // two threads may both build it: same result, and cheaper than a lock on every search
        }
        return current;
    }
}
