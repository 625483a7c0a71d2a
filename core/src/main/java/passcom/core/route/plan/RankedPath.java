package passcom.core.route.plan;

import java.util.Comparator;
import java.util.List;

/**
 * A loopless path (origin, stops, destination) with its exact integer weight: km or cents, depending on
 * which {@link LooplessPaths} produced it.
 */
record RankedPath(List<String> cities, long weight) {

    /** Lexicographic by city name, city by city; a path that is a prefix of another comes first. */
    static final Comparator<List<String>> BY_CITY_NAMES = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    static final Comparator<RankedPath> BY_WEIGHT_THEN_CITIES =
            Comparator.comparingLong(RankedPath::weight).thenComparing(RankedPath::cities, BY_CITY_NAMES);

    RankedPath {
        cities = List.copyOf(cities);
    }
}
