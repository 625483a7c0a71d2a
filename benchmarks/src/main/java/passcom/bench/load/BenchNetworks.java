package passcom.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.generate.NetworkGenerator;

/**
 * The networks the load driver runs on (data/README.md lists the files made from them):
 * <ul>
 *   <li>{@link #plentiful}: the default network's cities, segments and prices with {@value #PLENTIFUL_SEATS}
 *       seats on every segment of every airline, except {@value #SCARCE_SEGMENTS} of B's segments with
 *       {@value #SCARCE_SEATS} seats each, which the contention scenario races for (one per client count);</li>
 *   <li>{@link #large}: a {@link NetworkGenerator} network (seed 1, degree 5, A, B and C) with
 *       {@value #PLENTIFUL_SEATS} seats per segment.</li>
 * </ul>
 */
public final class BenchNetworks {

    public static final int PLENTIFUL_SEATS = 2_000;
    public static final int SCARCE_SEATS = 10;
    public static final int SCARCE_SEGMENTS = 8;
    /** The airline whose scarce segments the contention scenario buys. */
    public static final String SCARCE_AIRLINE = "B";

    private BenchNetworks() {
    }

    /** Writes {@link #plentiful} to the file given (data/network-bench.json is made this way; data/README.md). */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BenchNetworks FILE");
            System.exit(2);
        }
        passcom.core.route.NetworkWriter.write(plentiful(), java.nio.file.Path.of(args[0]));
    }

    public static RouteNetwork plentiful() {
        RouteNetwork network = NetworkLoader.loadDefault();
        for (Airline airline : List.copyOf(network.airlines())) {
            var capacity = new TreeMap<Segment.Key, Integer>();
            airline.capacity().keySet().forEach(k -> capacity.put(k, PLENTIFUL_SEATS));
            if (airline.id().equals(SCARCE_AIRLINE)) {
                scarce(network).forEach(k -> capacity.put(k, SCARCE_SEATS));
            }
            network = network.withAirline(airline.withCapacity(capacity));
        }
        return network;
    }

    /** The generated network of {@code cities} cities flown by {@code airlines} airlines (A, B, C, ...; the first three are the same for any count). */
    public static RouteNetwork large(int cities, int airlines) {
        return NetworkGenerator.generate(1, cities, 5, airlines, PLENTIFUL_SEATS);
    }

    /**
     * The segments of {@link #SCARCE_AIRLINE} the contention scenario races for, found from the capacities
     * (so that a network file made by {@link #plentiful} and loaded again gives the same ones): the first
     * {@value #SCARCE_SEGMENTS} in key order that have fewer than {@value #PLENTIFUL_SEATS} seats, or,
     * on a network not made here, none.
     */
    public static List<Segment.Key> scarceIn(RouteNetwork network) {
        return network.airline(SCARCE_AIRLINE).map(b -> b.capacity().entrySet().stream()
                .filter(e -> e.getValue() < PLENTIFUL_SEATS).map(java.util.Map.Entry::getKey).limit(SCARCE_SEGMENTS).toList())
                .orElse(List.of());
    }

    private static List<Segment.Key> scarce(RouteNetwork network) {
        List<Segment.Key> keys = new ArrayList<>(network.airline(SCARCE_AIRLINE).orElseThrow().capacity().keySet());
        return keys.subList(0, Math.min(SCARCE_SEGMENTS, keys.size()));
    }
}
