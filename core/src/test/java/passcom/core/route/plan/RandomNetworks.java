package passcom.core.route.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import passcom.core.money.Money;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * Small random networks for property tests. Distances are drawn from a narrow range and rates from a
 * short list so that equal km, equal prices and equal rounded leg prices happen often: ties are where
 * ordering bugs hide.
 */
final class RandomNetworks {

    private static final List<String> NAMES = List.of(
            "Belém", "Aracaju", "Natal", "Recife", "Maceió", "Salvador", "Manaus", "Palmas", "Boa Vista");
    private static final List<String> RATES = List.of("115", "135", "155", "115", "1.50", "2.50", "99.99");

    private RandomNetworks() {
    }

    static RouteNetwork network(Random random) {
        int size = 4 + random.nextInt(5);
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        List<City> cities = names.subList(0, size).stream().map(n -> new City(n, 0, 0)).toList();
        double density = 0.3 + 0.5 * random.nextDouble();
        List<Segment> segments = new ArrayList<>();
        for (City from : cities) {
            for (City to : cities) {
                if (from != to && random.nextDouble() < density) {
                    segments.add(new Segment(from.name(), to.name(), 1 + random.nextInt(12)));
                }
            }
        }
        return new RouteNetwork(cities, segments, List.of());
    }

    static String city(Random random, RouteNetwork network) {
        List<City> cities = List.copyOf(network.cities());
        return cities.get(random.nextInt(cities.size())).name();
    }

    static List<Segment> subset(Random random, RouteNetwork network, double share) {
        return network.segments().stream().filter(s -> random.nextDouble() < share).toList();
    }

    static Money rate(Random random) {
        return Money.of(RATES.get(random.nextInt(RATES.size())));
    }
}
