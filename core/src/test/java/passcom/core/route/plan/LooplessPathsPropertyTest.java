package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenShortestPathIterator;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.route.Segment;

/**
 * Networks too large to enumerate every simple path (40–80 cities, paths of many hops, weights 0–4 so
 * ties are everywhere): the answer must hold exactly the paths JGraphT's Yen iterator yields up to and
 * including every path as light as the k-th.
 */
class LooplessPathsPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void when_searching_a_large_network_with_many_ties_then_answer_holds_every_path_as_light_as_the_kth(long seed) {
        Random random = new Random(seed);
        int cities = 40 + random.nextInt(41);
        Map<Segment.Key, Long> weights = new HashMap<>();
        for (int from = 0; from < cities; from++) {
            // a ring both ways keeps every pair joined; the other segments go to nearby cities, so the
            // lightest paths take many hops
            int[] targets = {from + 1, from - 1, from + random.nextInt(7) - 2, from + random.nextInt(7) - 2};
            for (int target : targets) {
                int to = Math.floorMod(target, cities);
                if (to != from) {
                    weights.put(new Segment.Key("c" + from, "c" + to), (long) random.nextInt(5));
                }
            }
        }
        LooplessPaths paths = new LooplessPaths(weights);
        for (int query = 0; query < 3; query++) {
            String origin = "c" + random.nextInt(cities);
            String destination = "c" + random.nextInt(cities);
            int k = 1 + random.nextInt(12);

            assertThat(sorted(paths.throughKth(origin, destination, k)))
                    .as("seed %d, %s → %s, k=%d", seed, origin, destination, k)
                    .isEqualTo(sorted(byJGraphT(weights, origin, destination, k)));
        }
    }

    private static List<RankedPath> sorted(List<RankedPath> paths) {
        return paths.stream().sorted(RankedPath.BY_WEIGHT_THEN_CITIES).toList();
    }

    private static List<RankedPath> byJGraphT(Map<Segment.Key, Long> weights, String origin, String destination, int k) {
        Graph<String, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        weights.forEach((key, weight) -> {
            graph.addVertex(key.origin());
            graph.addVertex(key.destination());
            graph.setEdgeWeight(graph.addEdge(key.origin(), key.destination()), weight);
        });
        if (origin.equals(destination) || !graph.containsVertex(origin) || !graph.containsVertex(destination)) {
            return List.of();
        }
        YenShortestPathIterator<String, DefaultWeightedEdge> yen = new YenShortestPathIterator<>(graph, origin, destination);
        List<RankedPath> found = new ArrayList<>();
        while (yen.hasNext()) {
            GraphPath<String, DefaultWeightedEdge> path = yen.next();
            RankedPath ranked = new RankedPath(path.getVertexList(), (long) path.getWeight());
            if (found.size() >= k && ranked.weight() > found.get(k - 1).weight()) {
                break;
            }
            found.add(ranked);
        }
        return found;
    }
}
