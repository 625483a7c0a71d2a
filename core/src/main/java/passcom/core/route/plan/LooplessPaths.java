package passcom.core.route.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import passcom.core.route.Segment;

/**
 * The lightest loopless paths between two cities of a directed graph whose edge weights are non-negative
 * whole numbers (km or cents), by Yen's algorithm (J. Y. Yen, "Finding the K Shortest Loopless Paths in a
 * Network", Management Science 17(11), 1971) with two standard refinements: a path only spawns deviations
 * from the city where it left its parent onward (E. L. Lawler, Management Science 18(7), 1972), and each
 * spur path is an A* search guided by the reverse shortest-path tree from the destination that stops as
 * soon as that tree offers an unblocked way on ({@link SpurSearch}, after Feng 2014).
 *
 * <p>Yen yields paths in non-decreasing weight but orders equal weights arbitrarily. So
 * {@link #throughKth} keeps pulling past the k-th path while the weight stays equal to the k-th's: the
 * result holds every path as light as the k-th, and a caller can sort it by any tie-break and cut to k,
 * getting exactly what "enumerate every simple path, sort, take k" would give. Weights are summed and
 * compared as exact longs.
 *
 * <p>Immutable after construction; {@link #throughKth} may be called from several threads.
 */
final class LooplessPaths {

    private static final Comparator<Candidate> LIGHTEST_FIRST = Comparator.comparingLong(Candidate::weight);

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Adjacency out;
    private final Adjacency in;

    /** @param weights each directed segment's weight, at least 0, small enough that no path sums past 2^63 */
    LooplessPaths(Map<Segment.Key, Long> weights) {
        this(weights.entrySet(), entry -> entry.getKey().origin(), entry -> entry.getKey().destination(),
                Map.Entry::getValue);
    }

    /** Weighted by km; a segment whose ends repeat an earlier one's counts once, with the first one's km. */
    static LooplessPaths byKm(Collection<Segment> segments) {
        return new LooplessPaths(segments, Segment::origin, Segment::destination, Segment::km);
    }

    private <T> LooplessPaths(Collection<T> segments, Function<T, String> origin, Function<T, String> destination,
                              ToLongFunction<T> weightOf) {
        int[] from = new int[segments.size()];
        int[] to = new int[segments.size()];
        long[] weight = new long[segments.size()];
        int e = 0;
        for (T segment : segments) {
            weight[e] = weightOf.applyAsLong(segment);
            if (weight[e] < 0) {
                throw new IllegalArgumentException("negative weight " + weight[e] + " on " + segment);
            }
            from[e] = number(origin.apply(segment));
            to[e++] = number(destination.apply(segment));
        }
        this.out = Adjacency.of(names.size(), from, to, weight);
        this.in = Adjacency.of(names.size(), to, from, weight);
    }

    private int number(String city) {
        return numbers.computeIfAbsent(city, c -> {
            names.add(c);
            return names.size() - 1;
        });
    }

    /**
     * The {@code k} lightest loopless paths, plus every further path exactly as heavy as the k-th, in
     * Yen's order (unsorted among equal weights). Empty when origin equals destination, when either city
     * has no segment, or when no path joins them.
     */
    List<RankedPath> throughKth(String origin, String destination, int k) {
        Integer from = numbers.get(origin);
        Integer to = numbers.get(destination);
        if (k <= 0 || origin.equals(destination) || from == null || to == null) {
            return List.of();
        }
        SpurSearch spurs = new SpurSearch(out, in, to);
        if (spurs.toDestination(from) == SpurSearch.UNREACHABLE) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        PriorityQueue<Candidate> candidates = new PriorityQueue<>(LIGHTEST_FIRST);
        Set<Candidate> known = new HashSet<>();
        Candidate first = new Candidate(spurs.treePath(from), spurs.toDestination(from), 0);
        candidates.add(first);
        known.add(first);
        while (!candidates.isEmpty()) {
            Candidate next = candidates.poll();
            if (found.size() >= k && next.weight() > found.get(k - 1).weight()) {
                break;
            }
            found.add(next);
            long budget = found.size() >= k ? found.get(k - 1).weight() : SpurSearch.UNREACHABLE;
            for (Candidate deviation : deviations(next, found, spurs, budget)) {
                if (known.add(deviation)) {
                    candidates.add(deviation);
                }
            }
        }
        return found.stream().map(this::ranked).toList();
    }

    /**
     * Yen's deviations of {@code path}: for each spur city from its own deviation on, the lightest path
     * that keeps the root up to the spur and then leaves it by an edge no found path with the same root
     * took. Only those weighing at most {@code budget}.
     */
    private List<Candidate> deviations(Candidate path, List<Candidate> found, SpurSearch spurs, long budget) {
        int[] cities = path.cities();
        int[] shared = new int[found.size()];
        for (int f = 0; f < found.size(); f++) {
            shared[f] = Arrays.mismatch(cities, found.get(f).cities());
        }
        int[] excluded = new int[found.size()];
        List<Candidate> deviations = new ArrayList<>();
        long rootWeight = 0;
        for (int i = 0; i < path.deviation(); i++) {
            spurs.block(cities[i]);
            rootWeight += weight(cities[i], cities[i + 1]);
        }
        for (int i = path.deviation(); i < cities.length - 1 && rootWeight <= budget; i++) {
            spurs.block(cities[i]);
            int count = 0;
            for (int f = 0; f < found.size(); f++) {
                if (shared[f] > i || shared[f] == -1) {
                    excluded[count++] = found.get(f).cities()[i + 1];
                }
            }
            long left = budget == SpurSearch.UNREACHABLE ? budget : budget - rootWeight;
            int[] spur = spurs.shortest(cities[i], excluded, count, left);
            if (spur != null) {
                int[] deviation = Arrays.copyOf(cities, i + spur.length);
                System.arraycopy(spur, 0, deviation, i, spur.length);
                deviations.add(new Candidate(deviation, rootWeight + spurs.lastWeight(), i));
            }
            rootWeight += weight(cities[i], cities[i + 1]);
        }
        for (int city : cities) {
            spurs.unblock(city);
        }
        return deviations;
    }

    private long weight(int from, int to) {
        for (int e = out.start()[from]; e < out.start()[from + 1]; e++) {
            if (out.neighbour()[e] == to) {
                return out.weight()[e];
            }
        }
        throw new IllegalStateException("no segment " + names.get(from) + " → " + names.get(to));
    }

    private RankedPath ranked(Candidate path) {
        List<String> cities = new ArrayList<>(path.cities().length);
        for (int city : path.cities()) {
            cities.add(names.get(city));
        }
        return new RankedPath(cities, path.weight());
    }

    /** A path by city numbers, its weight, and the index of the city where it left the path it deviates from. */
    private record Candidate(int[] cities, long weight, int deviation) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Candidate that && Arrays.equals(cities, that.cities);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cities);
        }
    }
}
