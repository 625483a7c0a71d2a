package passcom.core.route.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import passcom.core.money.Money;
import passcom.core.route.Itinerary;
import passcom.core.route.Leg;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * The original PASSCOM's way, kept as a test oracle: enumerate every simple path by depth-first search,
 * then sort and cut. Exponential, so only for small networks; obviously right, which is the point.
 */
final class SimplePathsOracle {

    static final Comparator<List<String>> CITY_NAMES = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private SimplePathsOracle() {
    }

    /** Every simple path from origin to destination with at least one segment. */
    static List<List<String>> allSimplePaths(Collection<Segment> segments, String origin, String destination) {
        Map<String, List<String>> next = new TreeMap<>();
        segments.forEach(s -> next.computeIfAbsent(s.origin(), k -> new ArrayList<>()).add(s.destination()));
        List<List<String>> found = new ArrayList<>();
        if (!origin.equals(destination)) {
            List<String> path = new ArrayList<>(List.of(origin));
            walk(next, path, origin, destination, found);
        }
        return found;
    }

    private static void walk(Map<String, List<String>> next, List<String> path, String at, String destination,
                             List<List<String>> found) {
        for (String city : next.getOrDefault(at, List.of())) {
            if (path.contains(city)) {
                continue;
            }
            path.add(city);
            if (city.equals(destination)) {
                found.add(List.copyOf(path));
            } else {
                walk(next, path, city, destination, found);
            }
            path.remove(path.size() - 1);
        }
    }

    static int km(Collection<Segment> segments, List<String> path) {
        int km = 0;
        for (int i = 1; i < path.size(); i++) {
            String from = path.get(i - 1);
            String to = path.get(i);
            km += segments.stream().filter(s -> s.origin().equals(from) && s.destination().equals(to))
                    .findFirst().orElseThrow().km();
        }
        return km;
    }

    /** What PathFinder must answer: all simple paths sorted by (km, city names), the first k. */
    static List<List<String>> shortest(Collection<Segment> segments, String origin, String destination, int k) {
        return allSimplePaths(segments, origin, destination).stream()
                .sorted(Comparator.<List<String>>comparingInt(p -> km(segments, p)).thenComparing(CITY_NAMES))
                .limit(k)
                .toList();
    }

    /** What FederationPlanner must answer, by the rules of issue 2 applied to every simple path. */
    static RouteOptions plan(RouteNetwork network, String connected, String origin, String destination,
                             List<AirlinePaths> answers) {
        Map<Segment, Map<String, Money>> offers = new TreeMap<>();
        for (AirlinePaths answer : answers) {
            for (List<String> path : answer.paths()) {
                for (int i = 1; i < path.size(); i++) {
                    Segment segment = network.segment(path.get(i - 1), path.get(i)).orElseThrow();
                    offers.computeIfAbsent(segment, s -> new TreeMap<>()).putIfAbsent(answer.airline(), answer.pricePer100Km());
                }
            }
        }
        List<List<String>> paths = allSimplePaths(offers.keySet(), origin, destination);

        List<Itinerary> shortest = paths.stream()
                .map(p -> itinerary(network, offers, p, connected))
                .sorted(Comparator.comparingInt(Itinerary::km).thenComparing(Itinerary::price)
                        .thenComparing(Itinerary::cities, CITY_NAMES))
                .limit(5)
                .toList();
        List<Itinerary> cheapest = paths.stream()
                .map(p -> itinerary(network, offers, p, null))
                .sorted(Comparator.comparing(Itinerary::price).thenComparingInt(Itinerary::km)
                        .thenComparing(Itinerary::cities, CITY_NAMES))
                .limit(5)
                .toList();
        return new RouteOptions(shortest, cheapest);
    }

    private static Itinerary itinerary(RouteNetwork network, Map<Segment, Map<String, Money>> offers, List<String> path,
                                       String preferred) {
        List<Leg> legs = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            Segment segment = network.segment(path.get(i - 1), path.get(i)).orElseThrow();
            Map<String, Money> rates = offers.get(segment);
            Leg chosen = null;
            if (preferred != null && rates.containsKey(preferred)) {
                chosen = new Leg(segment, preferred, rates.get(preferred).forDistance(segment.km()));
            } else {
                for (Map.Entry<String, Money> rate : rates.entrySet()) {  // ascending airline id
                    Money price = rate.getValue().forDistance(segment.km());
                    if (chosen == null || price.compareTo(chosen.price()) < 0) {
                        chosen = new Leg(segment, rate.getKey(), price);
                    }
                }
            }
            legs.add(chosen);
        }
        return new Itinerary(legs);
    }
}
