package passcom.core.route.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import passcom.core.route.Itinerary;
import passcom.core.route.Leg;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * Merges the airlines' answers to one route search into what the customer chooses from.
 *
 * <p>The offers are the (segment, airline) pairs that appear in any returned path, priced at the rate the
 * airline gave in its answer. From the offered segments:
 * <ul>
 *   <li>the {@value #OPTIONS} shortest itineraries by km, each leg flown by the connected airline if it
 *       offered that segment, otherwise by the cheapest airline that did; sorted by (km, price);</li>
 *   <li>the {@value #OPTIONS} cheapest itineraries, each leg flown by the cheapest airline that offered
 *       it; sorted by (price, km).</li>
 * </ul>
 * Remaining ties go by the city names. "Cheapest airline" compares that leg's price, then the airline id.
 * Each list holds distinct city sequences. A leg costs its airline's rate for its distance, half-up to
 * the cent; an itinerary costs the sum of its legs.
 *
 * <p>Both lists come from Yen's k-shortest loopless paths ({@link LooplessPaths}): by km for the first,
 * by the cheapest leg's cents for the second, so the result equals enumerating every simple path over
 * the offered segments and sorting, without the exponential enumeration. Stateless and thread-safe.
 */
public final class FederationPlanner {

    static final int OPTIONS = 5;

    private static final Comparator<Itinerary> BY_KM_THEN_PRICE = Comparator.comparingInt(Itinerary::km)
            .thenComparing(Itinerary::price)
            .thenComparing(Itinerary::cities, RankedPath.BY_CITY_NAMES);

    private static final Comparator<Itinerary> BY_PRICE_THEN_KM = Comparator.comparing(Itinerary::price)
            .thenComparingInt(Itinerary::km)
            .thenComparing(Itinerary::cities, RankedPath.BY_CITY_NAMES);

    private FederationPlanner() {
    }

    /**
     * @param connectedAirline the airline whose server the customer is using
     * @param answers every airline's answer that arrived; an airline that did not answer offers nothing
     * @throws IllegalArgumentException when an answer holds a step the network does not have
     */
    public static RouteOptions plan(RouteNetwork network, String connectedAirline, String origin, String destination,
                                    List<AirlinePaths> answers) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(connectedAirline, "connectedAirline");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Offers offers = Offers.from(network, answers);

        List<RankedPath> byKm = new LooplessPaths(offers.km()).throughKth(origin, destination, OPTIONS);
        List<Itinerary> shortest = best(byKm, key -> offers.legPreferring(connectedAirline, key), BY_KM_THEN_PRICE);

        List<RankedPath> byPrice = new LooplessPaths(offers.cheapestCents()).throughKth(origin, destination, OPTIONS);
        List<Itinerary> cheapest = best(byPrice, offers::cheapestLeg, BY_PRICE_THEN_KM);

        return new RouteOptions(shortest, cheapest);
    }

    private static List<Itinerary> best(List<RankedPath> paths, Function<Segment.Key, Leg> legChoice,
                                        Comparator<Itinerary> order) {
        return paths.stream()
                .map(path -> itinerary(path.cities(), legChoice))
                .sorted(order)
                .limit(OPTIONS)
                .toList();
    }

    private static Itinerary itinerary(List<String> cities, Function<Segment.Key, Leg> legChoice) {
        List<Leg> legs = new ArrayList<>();
        for (int i = 1; i < cities.size(); i++) {
            legs.add(legChoice.apply(new Segment.Key(cities.get(i - 1), cities.get(i))));
        }
        return new Itinerary(legs);
    }
}
