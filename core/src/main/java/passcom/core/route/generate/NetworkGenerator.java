package passcom.core.route.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import passcom.core.route.Airline;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * Large synthetic route networks for tests and benchmarks, shaped like an airline map: cities scattered
 * over Brazil's bounding box, each linked to a nearby city so the whole network is connected, then more
 * links to nearest neighbours until the requested average degree. Every link is flown both ways with
 * the great-circle distance (haversine) rounded to whole km.
 *
 * <p>Airlines are "A", "B", … up to "Z", priced by the {@link PriceLadder} (115, 135, 155, … per 100 km: the
 * default network's prices, then 20 more each). Airline A flies every segment; the others fly a random 80% of them. Seats are 1 to 5
 * per segment, or a fixed number everywhere ({@link #generate(long, int, double, int, int)}: the same
 * network otherwise).
 *
 * <p>Deterministic: the same arguments give an equal network on any JVM ({@link Random} is specified
 * bit for bit). Building costs O(cities²), about a second at 5,000 cities.
 */
public final class NetworkGenerator {

    static final double MIN_LATITUDE = -33.7;
    static final double MAX_LATITUDE = 5.2;
    static final double MIN_LONGITUDE = -73.9;
    static final double MAX_LONGITUDE = -34.8;

    private static final double EARTH_RADIUS_KM = 6371.0;
    private static final double SHARE_FLOWN_BY_OTHERS = 0.8;
    private static final int MAX_SEATS = 5;
    private static final int RANDOM_SEATS = 0;

    private final Random random;
    private final int size;
    private final double[][] unitVectors;

    private NetworkGenerator(long seed, int size) {
        this.random = new Random(seed);
        this.size = size;
        this.unitVectors = new double[size][];
    }

    /**
     * @param cities how many cities, at least 2
     * @param averageDegree links per city on average (a link is two directed segments), so the network has
     *     about {@code cities × averageDegree} directed segments; at least a spanning tree, at most every pair
     * @param airlines how many airlines, 1 to 26
     */
    public static RouteNetwork generate(long seed, int cities, double averageDegree, int airlines) {
        return generate(seed, cities, averageDegree, airlines, RANDOM_SEATS);
    }

    /**
     * The network {@link #generate(long, int, double, int)} gives for these arguments (same cities, segments,
     * and segments each airline flies), with {@code seatsPerSegment} seats on every segment of every airline.
     */
    public static RouteNetwork generate(long seed, int cities, double averageDegree, int airlines, int seatsPerSegment) {
        if (seatsPerSegment < 1 && seatsPerSegment != RANDOM_SEATS) {
            throw new IllegalArgumentException("seats per segment must be positive, got " + seatsPerSegment);
        }
        if (cities < 2) {
            throw new IllegalArgumentException("a network needs at least 2 cities, got " + cities);
        }
        if (!(averageDegree > 0)) {
            throw new IllegalArgumentException("average degree must be positive, got " + averageDegree);
        }
        if (airlines < 1 || airlines > 26) {
            throw new IllegalArgumentException("airlines must be 1 to 26, got " + airlines);
        }
        return new NetworkGenerator(seed, cities).build(averageDegree, airlines, seatsPerSegment);
    }

    private RouteNetwork build(double averageDegree, int airlineCount, int seatsPerSegment) {
        List<City> cities = scatterCities();
        long allPairs = (long) size * (size - 1) / 2;
        long wanted = Math.min(allPairs, Math.max(size - 1, Math.round(size * averageDegree / 2)));
        List<int[]> links = new ArrayList<>();
        Set<Long> linked = new HashSet<>();
        spanningTree(links, linked);
        nearestNeighbourLinks(links, linked, wanted, (int) Math.ceil(averageDegree) + 2);
        randomLinks(links, linked, wanted);

        List<Segment> segments = new ArrayList<>();
        for (int[] link : links) {
            int km = (int) Math.max(1, Math.round(haversineKm(cities.get(link[0]), cities.get(link[1]))));
            segments.add(new Segment(cities.get(link[0]).name(), cities.get(link[1]).name(), km));
            segments.add(new Segment(cities.get(link[1]).name(), cities.get(link[0]).name(), km));
        }
        Collections.sort(segments);
        return new RouteNetwork(cities, segments, airlines(airlineCount, segments, seatsPerSegment));
    }

    private List<City> scatterCities() {
        List<City> cities = new ArrayList<>(size);
        String format = "C%0" + String.valueOf(size - 1).length() + "d";
        for (int i = 0; i < size; i++) {
            double lat = round4(MIN_LATITUDE + random.nextDouble() * (MAX_LATITUDE - MIN_LATITUDE));
            double lon = round4(MIN_LONGITUDE + random.nextDouble() * (MAX_LONGITUDE - MIN_LONGITUDE));
            cities.add(new City(String.format(format, i), lat, lon));
            double phi = Math.toRadians(lat);
            double lambda = Math.toRadians(lon);
            unitVectors[i] = new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
        }
        return cities;
    }

    /** Each city after the first joins the nearest earlier one: connected, with short links. */
    private void spanningTree(List<int[]> links, Set<Long> linked) {
        for (int i = 1; i < size; i++) {
            int nearest = 0;
            for (int j = 1; j < i; j++) {
                if (chord2(i, j) < chord2(i, nearest)) {
                    nearest = j;
                }
            }
            link(i, nearest, links, linked);
        }
    }

    /** Round r links every city (in random order) to its r-th nearest neighbour, until enough links. */
    private void nearestNeighbourLinks(List<int[]> links, Set<Long> linked, long wanted, int rounds) {
        int[][] nearest = new int[size][];
        for (int i = 0; i < size; i++) {
            nearest[i] = nearest(i, Math.min(rounds, size - 1));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int r = 0; r < rounds; r++) {
            for (int i : order) {
                if (links.size() >= wanted) {
                    return;
                }
                if (r < nearest[i].length) {
                    link(i, nearest[i][r], links, linked);
                }
            }
        }
    }

    /** Tops up with random pairs when nearest neighbours did not give enough (dense small networks). */
    private void randomLinks(List<int[]> links, Set<Long> linked, long wanted) {
        while (links.size() < wanted) {
            link(random.nextInt(size), random.nextInt(size), links, linked);
        }
    }

    private int[] nearest(int city, int count) {
        int[] best = new int[count];
        double[] bestDistance = new double[count];
        int held = 0;
        for (int j = 0; j < size; j++) {
            if (j == city) {
                continue;
            }
            double d = chord2(city, j);
            if (held < count || d < bestDistance[held - 1]) {
                int at = held < count ? held++ : count - 1;
                while (at > 0 && bestDistance[at - 1] > d) {
                    best[at] = best[at - 1];
                    bestDistance[at] = bestDistance[at - 1];
                    at--;
                }
                best[at] = j;
                bestDistance[at] = d;
            }
        }
        return best;
    }

    private void link(int a, int b, List<int[]> links, Set<Long> linked) {
        if (a == b) {
            return;
        }
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        if (linked.add((long) low * size + high)) {
            links.add(new int[] {low, high});
        }
    }

    private List<Airline> airlines(int count, List<Segment> segments, int seatsPerSegment) {
        List<Airline> airlines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Segment.Key, Integer> capacity = new TreeMap<>();
            for (Segment segment : segments) {
                if (i == 0 || random.nextDouble() < SHARE_FLOWN_BY_OTHERS) {
                    int randomSeats = 1 + random.nextInt(MAX_SEATS); // drawn either way: fixed seats keep the same segments
                    capacity.put(segment.key(), seatsPerSegment == RANDOM_SEATS ? randomSeats : seatsPerSegment);
                }
            }
            airlines.add(new Airline(String.valueOf((char) ('A' + i)), PriceLadder.priceOf(i), new TreeMap<>(capacity)));
        }
        return airlines;
    }

    /** Squared chord between two cities on the unit sphere: ordered like the great-circle distance, cheaper. */
    private double chord2(int a, int b) {
        double dx = unitVectors[a][0] - unitVectors[b][0];
        double dy = unitVectors[a][1] - unitVectors[b][1];
        double dz = unitVectors[a][2] - unitVectors[b][2];
        return dx * dx + dy * dy + dz * dz;
    }

    /** Great-circle distance on a spherical Earth (haversine formula). */
    static double haversineKm(City a, City b) {
        double dPhi = Math.toRadians(b.latitude() - a.latitude());
        double dLambda = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dPhi / 2), 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double round4(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }
}
