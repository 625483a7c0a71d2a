package passcom.client.fake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import passcom.api.CaminhosResposta;
import passcom.api.Rota;
import passcom.api.TrechoRota;

/**
 * The fake's route search. On a small network, every simple path of at most six legs (what the federation's
 * planner would consider); on a large one that would explode, so: the shortest and the cheapest path
 * (Dijkstra) and, for each of their legs, the best path avoiding that leg (the first round of Yen's
 * k-shortest paths), which gives a handful of sensible alternatives.
 */
final class FakeRoutes {

    private static final int SMALL = 60;
    private static final int LISTED = 10;

    private final FakeNetwork network;

    FakeRoutes(FakeNetwork network) {
        this.network = network;
    }

    CaminhosResposta between(String origem, String destino, String servidor) {
        List<Rota> all = new ArrayList<>();
        if (network.cities.size() <= SMALL) {
            List<String> path = new ArrayList<>(List.of(origem));
            allPaths(path, destino, all);
        } else {
            alternatives(origem, destino, s -> s.km(), all);
            alternatives(origem, destino, s -> FakeNetwork.rate(FakeNetwork.flier(s.from(), s.to())).doubleValue() * s.km(), all);
        }
        Map<List<List<String>>, Rota> byPath = new LinkedHashMap<>();
        all.forEach(route -> byPath.putIfAbsent(route.caminho(), route));
        List<Rota> distinct = List.copyOf(byPath.values());
        List<Rota> shortest = distinct.stream().sorted(Comparator.comparingInt(Rota::distanciaKm)).limit(LISTED).toList();
        List<Rota> cheapest = distinct.stream().sorted(Comparator.comparing(Rota::preco)).limit(LISTED).toList();
        return new CaminhosResposta(origem, destino, servidor, List.of(), shortest, cheapest, List.of(), Map.of());
    }

    private void allPaths(List<String> path, String destino, List<Rota> found) {
        String last = path.get(path.size() - 1);
        if (last.equals(destino)) {
            found.add(route(path));
            return;
        }
        if (path.size() > 6) {
            return;
        }
        for (FakeNetwork.Segment segment : network.links.getOrDefault(last, List.of())) {
            String next = segment.from().equals(last) ? segment.to() : segment.from();
            if (!path.contains(next)) {
                path.add(next);
                allPaths(path, destino, found);
                path.remove(path.size() - 1);
            }
        }
    }

    private void alternatives(String origem, String destino, ToDoubleFunction<FakeNetwork.Segment> cost, List<Rota> found) {
        List<String> best = dijkstra(origem, destino, cost, Set.of());
        if (best == null) {
            return;
        }
        found.add(route(best));
        for (int i = 0; i + 1 < best.size(); i++) {
            List<String> detour = dijkstra(origem, destino, cost, Set.of(Set.of(best.get(i), best.get(i + 1))));
            if (detour != null) {
                found.add(route(detour));
            }
        }
    }

    private List<String> dijkstra(String origem, String destino, ToDoubleFunction<FakeNetwork.Segment> cost, Set<Set<String>> avoided) {
        Map<String, Double> distance = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        Set<String> done = new HashSet<>();
        PriorityQueue<Map.Entry<String, Double>> queue = new PriorityQueue<>(Map.Entry.comparingByValue());
        distance.put(origem, 0.0);
        queue.add(Map.entry(origem, 0.0));
        while (!queue.isEmpty()) {
            String city = queue.poll().getKey();
            if (!done.add(city)) {
                continue;
            }
            if (city.equals(destino)) {
                List<String> path = new ArrayList<>();
                for (String at = destino; at != null; at = previous.get(at)) {
                    path.add(0, at);
                }
                return path;
            }
            for (FakeNetwork.Segment s : network.links.getOrDefault(city, List.of())) {
                String next = s.from().equals(city) ? s.to() : s.from();
                if (done.contains(next) || avoided.contains(Set.of(city, next))) {
                    continue;
                }
                double through = distance.get(city) + cost.applyAsDouble(s);
                if (through < distance.getOrDefault(next, Double.MAX_VALUE)) {
                    distance.put(next, through);
                    previous.put(next, city);
                    queue.add(Map.entry(next, through));
                }
            }
        }
        return null;
    }

    private Rota route(List<String> cities) {
        List<TrechoRota> legs = new ArrayList<>();
        for (int i = 0; i + 1 < cities.size(); i++) {
            String from = cities.get(i);
            String to = cities.get(i + 1);
            int km = network.km(from, to);
            String flier = FakeNetwork.flier(from, to);
            legs.add(new TrechoRota(from, to, flier, km, FakeAirlineServer.price(flier, km)));
        }
        return new Rota(List.of(legs.stream().map(TrechoRota::companhia).toList(), List.copyOf(cities)), legs,
                legs.stream().mapToInt(TrechoRota::distanciaKm).sum(),
                legs.stream().map(TrechoRota::preco).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
