package passcom.core.route.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import passcom.core.money.Money;
import passcom.core.route.Leg;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * What the federation can sell for one search: each segment that appears in some airline's returned path,
 * with every airline that returned it and that airline's price per 100 km as given in its answer.
 * One per merge; not thread-safe.
 */
final class Offers {

    /** Cheapest leg first; between equally cheap legs, the airline id decides, so the choice is stable. */
    private static final Comparator<Leg> CHEAPEST = Comparator.comparing(Leg::price).thenComparing(Leg::airline);

    private final Map<Segment.Key, Segment> segments = new HashMap<>();
    private final Map<Segment.Key, Map<String, Money>> ratesBySegment = new HashMap<>();
    private final Map<Segment.Key, Leg> cheapest = new HashMap<>();

    /**
     * @throws IllegalArgumentException when an answer holds a step between two cities the network does
     *     not join: that airline's answer is wrong, and guessing a distance would misprice the ticket
     */
    static Offers from(RouteNetwork network, List<AirlinePaths> answers) {
        Offers offers = new Offers();
        // Airlines that sell the same segments answer with equal paths (shared searches): walk each list once.
        Map<List<List<String>>, List<Segment>> walked = new HashMap<>();
        for (AirlinePaths answer : answers) {
            List<Segment> segments = walked.computeIfAbsent(answer.paths(), paths -> segmentsOf(network, answer.airline(), paths));
            for (Segment segment : segments) {
                offers.add(segment, answer.airline(), answer.pricePer100Km());
            }
        }
        return offers;
    }

    private static List<Segment> segmentsOf(RouteNetwork network, String airline, List<List<String>> paths) {
        List<Segment> segments = new ArrayList<>();
        for (List<String> path : paths) {
            for (int i = 1; i < path.size(); i++) {
                String from = path.get(i - 1);
                String to = path.get(i);
                segments.add(network.segment(from, to).orElseThrow(() -> new IllegalArgumentException(
                        "airline " + airline + " returned a path over " + from + " → " + to
                                + ", which the network does not have")));
            }
        }
        return segments;
    }

    private void add(Segment segment, String airline, Money pricePer100Km) {
        segments.put(segment.key(), segment);
        ratesBySegment.computeIfAbsent(segment.key(), k -> new HashMap<>()).putIfAbsent(airline, pricePer100Km);
    }

    Map<Segment.Key, Long> km() {
        Map<Segment.Key, Long> km = new TreeMap<>();
        segments.forEach((key, segment) -> km.put(key, (long) segment.km()));
        return km;
    }

    Map<Segment.Key, Long> cheapestCents() {
        Map<Segment.Key, Long> cents = new TreeMap<>();
        segments.keySet().forEach(key -> cents.put(key, cheapestLeg(key).price().cents()));
        return cents;
    }

    /** The leg flown by the cheapest airline that offered this segment (computed once per segment: the merge asks often). */
    Leg cheapestLeg(Segment.Key key) {
        Leg leg = cheapest.get(key);
        if (leg == null) {
            Segment segment = segments.get(key);
            leg = ratesBySegment.get(key).entrySet().stream()
                    .map(offer -> new Leg(segment, offer.getKey(), offer.getValue().forDistance(segment.km())))
                    .min(CHEAPEST)
                    .orElseThrow();
            cheapest.put(key, leg);
        }
        return leg;
    }

    /** The leg flown by {@code airline} if it offered this segment, otherwise by the cheapest that did. */
    Leg legPreferring(String airline, Segment.Key key) {
        Money rate = ratesBySegment.get(key).get(Objects.requireNonNull(airline, "airline"));
        if (rate == null) {
            return cheapestLeg(key);
        }
        Segment segment = segments.get(key);
        return new Leg(segment, airline, rate.forDistance(segment.km()));
    }
}
