package passcom.core.route.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenShortestPathIterator;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import passcom.core.route.Segment;

/**
 * The lightest loopless paths between two cities of a directed graph whose edge weights are non-negative
 * whole numbers (km or cents), by Yen's algorithm (J. Y. Yen, "Finding the K Shortest Loopless Paths in a
 * Network", Management Science 17(11), 1971) as JGraphT's {@link YenShortestPathIterator} implements it.
 *
 * <p>Yen yields paths in non-decreasing weight but orders equal weights arbitrarily. So
 * {@link #throughKth} keeps pulling past the k-th path while the weight stays equal to the k-th's: the
 * result holds every path as light as the k-th, and a caller can sort it by any tie-break and cut to k,
 * getting exactly what "enumerate every simple path, sort, take k" would give.
 *
 * <p>JGraphT weights are doubles. Whole numbers below 2^53 and their sums are exact in a double, so
 * Yen's ordering is exact; still, the weights reported here are recomputed as longs from the inputs.
 *
 * <p>Immutable after construction; {@link #throughKth} may be called from several threads.
 */
final class LooplessPaths {

    private final Graph<String, DefaultWeightedEdge> graph =
            new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    private final Map<Segment.Key, Long> weights;

    /** @param weights each directed segment's weight, at least 0, small enough that no path sums past 2^53 */
    LooplessPaths(Map<Segment.Key, Long> weights) {
        this.weights = Map.copyOf(weights);
        weights.forEach((key, weight) -> {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight " + weight + " on " + key);
            }
            graph.addVertex(key.origin());
            graph.addVertex(key.destination());
            DefaultWeightedEdge edge = graph.addEdge(key.origin(), key.destination());
            graph.setEdgeWeight(edge, weight);
        });
    }

    /**
     * The {@code k} lightest loopless paths, plus every further path exactly as heavy as the k-th, in
     * Yen's order (unsorted among equal weights). Empty when origin equals destination, when either city
     * has no segment, or when no path joins them.
     */
    List<RankedPath> throughKth(String origin, String destination, int k) {
        if (k <= 0 || origin.equals(destination) || !graph.containsVertex(origin) || !graph.containsVertex(destination)) {
            return List.of();
        }
        YenShortestPathIterator<String, DefaultWeightedEdge> yen = new YenShortestPathIterator<>(graph, origin, destination);
        List<RankedPath> found = new ArrayList<>();
        while (yen.hasNext()) {
            RankedPath path = ranked(yen.next());
            if (found.size() >= k && path.weight() > found.get(k - 1).weight()) {
                break;
            }
            found.add(path);
        }
        return found;
    }

    private RankedPath ranked(GraphPath<String, DefaultWeightedEdge> path) {
        List<String> cities = path.getVertexList();
        long weight = 0;
        for (int i = 1; i < cities.size(); i++) {
            weight += weights.get(new Segment.Key(cities.get(i - 1), cities.get(i)));
        }
        return new RankedPath(cities, weight);
    }
}
