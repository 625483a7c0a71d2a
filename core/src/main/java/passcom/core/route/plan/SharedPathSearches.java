package passcom.core.route.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import passcom.core.money.Money;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * The path searches of every airline one server plans for (its images, docs/availability.md), shared: airlines
 * differ only in which segments they can sell (every one flies a segment's same km), and usually sell the same
 * ones, so one {@link PathSearch} and its memo serve every airline whose usable segments (flown and free) are the
 * same set, and an airline that has sold out a few more segments reuses a wider search's answers wherever they
 * avoid those ({@link FreeSegmentPaths}). A route search at N airlines then runs about one Yen search per trip
 * instead of N.
 *
 * <p>Each airline has a current search: the one behind its image's paths now. Searches are shared among current
 * ones only, so a search no image uses any more is left to the garbage collector.
 *
 * <p>Thread-safe: images change on their feeds' threads, searches read on request threads. Two images changing at
 * once may miss a chance to share, never an answer.
 */
public final class SharedPathSearches {

    private final RouteNetwork network;
    private final List<Segment> segments;
    private final Map<Segment.Key, Integer> numbers = new HashMap<>();
    private final int pathsPerAnswer;
    private final Map<String, BitSet> flownBy = new ConcurrentHashMap<>();
    private final Map<String, PathSearch> current = new ConcurrentHashMap<>();

    /** @param pathsPerAnswer k, the paths each airline contributes to a search */
    public SharedPathSearches(RouteNetwork network, int pathsPerAnswer) {
        this.network = Objects.requireNonNull(network, "network");
        this.segments = List.copyOf(network.segments());
        for (int i = 0; i < segments.size(); i++) {
            numbers.put(segments.get(i).key(), i);
        }
        this.pathsPerAnswer = pathsPerAnswer;
    }

    /**
     * {@code airline}'s paths over the segments it flies with a free seat, now its current search: shared with any
     * airline whose current search has exactly these segments.
     *
     * @param free the segments with at least one free seat (only those of the network the airline flies count)
     */
    public FreeSegmentPaths current(String airline, Money pricePer100Km, Set<Segment.Key> free) {
        BitSet usable = usable(airline, free);
        PathSearch search = sharedOrNew(usable);
        // Replaced first: the airline's previous search (wider, when it has just sold out a segment) is no choice
        // unless another airline still uses it.
        current.put(airline, search);
        return new FreeSegmentPaths(airline, pricePer100Km, free, search, wider(usable));
    }

    /**
     * The same, for a plan that lives only a moment (this server's own writes applied over an image): shares the
     * current searches, without becoming {@code airline}'s current one.
     */
    public FreeSegmentPaths passing(String airline, Money pricePer100Km, Set<Segment.Key> free) {
        BitSet usable = usable(airline, free);
        return new FreeSegmentPaths(airline, pricePer100Km, free, sharedOrNew(usable), wider(usable));
    }

    private BitSet usable(String airline, Set<Segment.Key> free) {
        BitSet flown = flownBy.computeIfAbsent(airline, this::flown);
        BitSet usable = new BitSet(segments.size());
        for (Segment.Key key : free) {
            Integer number = numbers.get(key);
            if (number != null) {
                usable.set(number);
            }
        }
        usable.and(flown);
        return usable;
    }

    /** A peer missing from this server's network file has no segments to plan on here. */
    private BitSet flown(String airline) {
        BitSet flown = new BitSet(segments.size());
        network.airline(airline).ifPresent(a -> {
            for (int i = 0; i < segments.size(); i++) {
                if (a.flies(segments.get(i).key())) {
                    flown.set(i);
                }
            }
        });
        return flown;
    }

    private PathSearch sharedOrNew(BitSet usable) {
        for (PathSearch search : current.values()) {
            if (search.sameAs(usable, pathsPerAnswer)) {
                return search;
            }
        }
        return new PathSearch(usable, () -> finder(usable), pathsPerAnswer);
    }

    /** The current search with the fewest segments among those that strictly cover {@code usable}, if any. */
    private FreeSegmentPaths.Wider wider(BitSet usable) {
        PathSearch best = null;
        for (PathSearch search : current.values()) {
            if (search.pathsPerAnswer() == pathsPerAnswer && search.strictlyCovers(usable)
                    && (best == null || search.size() < best.size())) {
                best = search;
            }
        }
        if (best == null) {
            return null;
        }
        PathSearch wider = best;
        BitSet extra = wider.beyond(usable);
        Set<Segment.Key> beyond = new HashSet<>();
        extra.stream().forEach(i -> beyond.add(segments.get(i).key()));
        return new FreeSegmentPaths.Wider(wider, Set.copyOf(beyond), () -> inUse(wider));
    }

    private boolean inUse(PathSearch search) {
        for (PathSearch used : current.values()) {
            if (used == search) {
                return true;
            }
        }
        return false;
    }

    private PathFinder finder(BitSet usable) {
        List<Segment> chosen = new ArrayList<>(usable.cardinality());
        usable.stream().forEach(i -> chosen.add(segments.get(i)));
        return new PathFinder(chosen);
    }
}
