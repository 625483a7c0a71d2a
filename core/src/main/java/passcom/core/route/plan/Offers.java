package passcom.core.route.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import passcom.core.money.Money;
import passcom.core.route.Leg;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * What the federation can sell for one search: each segment that appears in some airline's returned path,
 * with every airline that returned it and that airline's price per 100 km as given in its answer.
 */
final class Offers {

    /** Cheapest leg first; between equally cheap legs, the airline id decides, so the choice is stable. */
    private static final Comparator<Leg> CHEAPEST = Comparator.comparing(Leg::price).thenComparing(Leg::airline);

    private final SortedMap<Segment.Key, Segment> segments = new TreeMap<>();
    private final Map<Segment.Key, SortedMap<String, Money>> ratesBySegment = new TreeMap<>();

    /**
     * @throws IllegalArgumentException when an answer holds a step between two cities the network does
     *     not join: that airline's answer is wrong, and guessing a distance would misprice the ticket
     */
    static Offers from(RouteNetwork network, List<AirlinePaths> answers) {
        Offers offers = new Offers();
        for (AirlinePaths answer : answers) {
            for (List<String> path : answer.paths()) {
                for (int i = 1; i < path.size(); i++) {
                    String from = path.get(i - 1);
                    String to = path.get(i);
                    Segment segment = network.segment(from, to).orElseThrow(() -> new IllegalArgumentException(
                            "airline " + answer.airline() + " returned a path over " + from + " → " + to
                                    + ", which the network does not have"));
                    offers.add(segment, answer.airline(), answer.pricePer100Km());
                }
            }
        }
        return offers;
    }

    private void add(Segment segment, String airline, Money pricePer100Km) {
        segments.put(segment.key(), segment);
        ratesBySegment.computeIfAbsent(segment.key(), k -> new TreeMap<>()).putIfAbsent(airline, pricePer100Km);
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

    /** The leg flown by the cheapest airline that offered this segment. */
    Leg cheapestLeg(Segment.Key key) {
        Segment segment = segments.get(key);
        return ratesBySegment.get(key).entrySet().stream()
                .map(offer -> new Leg(segment, offer.getKey(), offer.getValue().forDistance(segment.km())))
                .min(CHEAPEST)
                .orElseThrow();
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
