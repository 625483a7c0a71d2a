package passcom.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import passcom.bench.load.BenchNetworks;
import passcom.core.availability.AirlineImages;
import passcom.core.availability.FeedMessage;
import passcom.core.availability.FeedSource;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.generate.NewAirlines;
import passcom.core.seat.FreeCount;

/**
 * What a server's images of N airlines hold on a generated network (issue 19's ≤ 256 MB resident with 12 airlines
 * on 5,000 cities): the heap in use after a full collection, with the network alone, then with every airline's
 * image (each peer's snapshot carrying segment names of its own, as a parsed feed message does), then after
 * {@code --trips} distinct searches have filled every memo. Run with the server's heap flags, e.g.
 * {@code java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar
 * passcom.bench.ImageMemory --cities 5000 --airlines 12 --trips 3000}.
 */
public final class ImageMemory {

    private ImageMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i], args[i + 1]);
        }
        int cities = Integer.parseInt(flags.getOrDefault("--cities", "5000"));
        int airlines = Integer.parseInt(flags.getOrDefault("--airlines", "12"));
        int trips = Integer.parseInt(flags.getOrDefault("--trips", "3000"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < airlines; i++) {
            ids.add(String.valueOf((char) ('A' + i)));
        }
        long empty = used();
        RouteNetwork network = NewAirlines.addTo(BenchNetworks.large(cities, 3), ids);
        long withNetwork = used();
        Map<String, FeedSource> peers = new TreeMap<>();
        for (String id : ids.subList(1, ids.size())) {
            peers.put(id, sink -> {
                sink.accept(parsedSnapshot(network, id));
                return () -> { };
            });
        }
        long frozen = System.nanoTime();
        AirlineImages images = new AirlineImages("A", network.airline("A").orElseThrow().pricePer100Km(), network,
                () -> FreeCount.fixed(network.airline("A").orElseThrow().capacity()), peers, () -> frozen, 10);
        images.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ids.stream().allMatch(id -> images.plan(id).isPresent()) && System.nanoTime() < deadline) {
            Thread.sleep(20); // the own image comes from the publisher's first read, on its thread
        }
        long withImages = used();
        List<City> all = List.copyOf(network.cities());
        Random random = new Random(5);
        long start = System.nanoTime();
        for (int t = 0; t < trips; t++) {
            String from = all.get(random.nextInt(all.size())).name();
            String to = all.get(random.nextInt(all.size())).name();
            if (!from.equals(to)) {
                ids.forEach(id -> images.plan(id).orElseThrow().paths().paths(from, to));
            }
        }
        long searchNanos = System.nanoTime() - start;
        long withMemos = used();
        System.out.printf("%d cities, %d segments, %d airlines, %d trips (%.2f ms of planning per trip)%n", cities,
                network.segments().size(), airlines, trips, searchNanos / 1e6 / trips);
        System.out.printf("heap after GC: empty %.1f MB, network +%.1f MB, images +%.1f MB, memos +%.1f MB; total %.1f MB%n",
                mb(empty), mb(withNetwork - empty), mb(withImages - withNetwork), mb(withMemos - withImages), mb(withMemos));
        images.close();
    }

    /** A snapshot as a peer's parsed feed message brings it: segment names of its own, not the network's. */
    private static FeedMessage parsedSnapshot(RouteNetwork network, String id) {
        Map<Segment.Key, Integer> free = new HashMap<>();
        network.airline(id).orElseThrow().capacity().forEach((key, seats) ->
                free.put(new Segment.Key(new String(key.origin()), new String(key.destination())), seats));
        return new FeedMessage.Snapshot("mem-" + id, 0, network.airline(id).orElseThrow().pricePer100Km(), free);
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
