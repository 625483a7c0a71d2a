package passcom.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import passcom.core.cpf.Cpf;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * Measures purchase throughput and latency of a real three-server federation in this JVM, over real
 * HTTP on 127.0.0.1, each server with its own H2 store in a temporary folder. Prints numbers; asserts
 * nothing. Two phases, each on a fresh federation:
 *
 * <ol>
 *   <li>contended: {@code --buyers} customers, spread over A, B and C, all released at once for the
 *       3-airline itinerary Porto Alegre → Florianópolis (A) → Curitiba (B) → São Paulo (C), whose B leg
 *       has {@code --seats} seats (the bottleneck) and the others {@code --buyers};</li>
 *   <li>ample: the same buyers with enough seats on every leg, so every purchase commits: the cost of
 *       the commit path alone.</li>
 * </ol>
 *
 * Also prints how long each server took to start, three at once on fresh stores.
 *
 * <p>Flags: {@code --buyers N} (300), {@code --seats N} (100), {@code --peer-timeout-ms N} (10000, as the
 * integration tests), {@code --stale-hold-ms N} (1000, as the integration tests), {@code --phase contended|ample|both},
 * {@code --rounds N} (1). A warm-up phase runs first and should be ignored.
 */
public final class PurchaseLoadDriver {

    private static final List<String> SERVERS = List.of("A", "B", "C");
    private static final List<String> CITIES = List.of("Porto Alegre", "Florianópolis", "Curitiba", "São Paulo");

    private final int buyers;
    private final ServerConfig.Timing timing;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private PurchaseLoadDriver(int buyers, ServerConfig.Timing timing) {
        this.buyers = buyers;
        this.timing = timing;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = CommandLine.flags(args);
        int buyers = Integer.parseInt(flags.getOrDefault("buyers", "300"));
        int seats = Integer.parseInt(flags.getOrDefault("seats", "100"));
        ServerConfig.Timing timing = new ServerConfig.Timing(
                Duration.ofMillis(Long.parseLong(flags.getOrDefault("peer-timeout-ms", "10000"))),
                Duration.ofSeconds(2),
                Duration.ofMillis(Long.parseLong(flags.getOrDefault("stale-hold-ms", "1000"))),
                Duration.ofMillis(100));
        PurchaseLoadDriver driver = new PurchaseLoadDriver(buyers, timing);
        System.out.printf("buyers %d, bottleneck %d seats, peer timeout %d ms, stale hold %d ms%n", buyers, seats,
                timing.peerTimeout().toMillis(), timing.staleHold().toMillis());
        String phases = flags.getOrDefault("phase", "both");
        int rounds = Integer.parseInt(flags.getOrDefault("rounds", "1"));
        // A fresh JVM spends most of its first phase compiling; this one is not the one to read.
        driver.phase("warm-up (ignore)", network(buyers, buyers, buyers));
        for (int round = 0; round < rounds; round++) {
            if (!phases.equals("ample")) {
                driver.phase("contended", network(buyers, seats, buyers));
            }
            if (!phases.equals("contended")) {
                driver.phase("ample", network(buyers, buyers, buyers));
            }
        }
    }

    private void phase(String name, RouteNetwork network) throws Exception {
        Path root = Files.createTempDirectory("passcom-load-");
        List<PasscomServer> servers = startFederation(network, root);
        try {
            warmUp(servers);
            List<URI> uris = servers.stream().map(PasscomServer::uri).toList();
            List<String> cpfs = IntStream.range(0, buyers).mapToObj(Buyer::cpf).toList();
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            List<Result> results = race(i -> buy(uris.get(i % uris.size()), cpfs.get(i)));
            double seconds = (System.nanoTime() - started) / 1e9;
            report(name, results, seconds, processCpuNanos() - cpuBefore);
        } finally {
            servers.forEach(PasscomServer::close);
        }
    }

    /** Starts the three servers at once, as a fresh federation would, and prints how long each took. */
    private List<PasscomServer> startFederation(RouteNetwork network, Path root) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String airline : SERVERS) {
            ports.put(airline, CommandLine.freePort());
        }
        ExecutorService starters = Executors.newFixedThreadPool(SERVERS.size());
        try {
            List<Future<PasscomServer>> starting = new ArrayList<>();
            Map<String, Long> millis = new TreeMap<>();
            for (String airline : SERVERS) {
                Map<String, URI> peers = new TreeMap<>();
                ports.forEach((id, port) -> {
                    if (!id.equals(airline)) {
                        peers.put(id, URI.create("http://127.0.0.1:" + port));
                    }
                });
                ServerConfig config = ServerConfig.forTest(airline, root.resolve(airline))
                        .withPort(ports.get(airline)).withPeers(peers).withTiming(timing);
                starting.add(starters.submit(() -> {
                    long t = System.nanoTime();
                    PasscomServer server = PasscomServer.create(config, network).start();
                    synchronized (millis) {
                        millis.put(airline, (System.nanoTime() - t) / 1_000_000);
                    }
                    return server;
                }));
            }
            List<PasscomServer> servers = new ArrayList<>();
            for (Future<PasscomServer> f : starting) {
                servers.add(f.get(60, TimeUnit.SECONDS));
            }
            System.out.println("start-up (three at once, fresh stores), ms: " + millis);
            return servers;
        } finally {
            starters.shutdownNow();
        }
    }

    /** One health call per server, so the first purchases do not also pay for the JIT and class loading of the routes. */
    private void warmUp(List<PasscomServer> servers) throws Exception {
        for (PasscomServer server : servers) {
            client.send(HttpRequest.newBuilder(server.uri().resolve("/saude")).GET().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private record Result(int status, long nanos) {
    }

    private interface Purchase {
        Result buy(int buyer) throws Exception;
    }

    private List<Result> race(Purchase purchase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return purchase.buy(n);
                }));
            }
            start.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get(180, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result buy(URI server, String cpf) throws Exception {
        String body = "{\"cpf\":\"" + cpf + "\",\"caminho\":[[\"A\",\"B\",\"C\"],["
                + String.join(",", CITIES.stream().map(c -> "\"" + c + "\"").toList()) + "]]}";
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/comprar_cliente"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long t = System.nanoTime();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        return new Result(response.statusCode(), System.nanoTime() - t);
    }

    /**
     * CPU time of this whole JVM (servers and buyers): on a machine shared with other work, CPU per purchase
     * is steadier than purchases per second.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void report(String phase, List<Result> results, double seconds, long cpuNanos) {
        Map<Integer, Long> outcomes = new TreeMap<>();
        results.forEach(r -> outcomes.merge(r.status(), 1L, Long::sum));
        List<Long> millis = results.stream().map(r -> r.nanos() / 1_000_000).sorted(Comparator.naturalOrder()).toList();
        System.out.printf("%s: %d purchases in %.2f s = %.1f purchases/s; latency ms p50 %d p95 %d p99 %d max %d; "
                        + "HTTP status counts %s; JVM CPU %.1f s = %.1f ms per purchase%n",
                phase, results.size(), seconds, results.size() / seconds,
                percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis.get(millis.size() - 1), outcomes,
                cpuNanos / 1e9, cpuNanos / 1e6 / results.size());
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The default network with the itinerary's three legs given these capacities. */
    private static RouteNetwork network(int aSeats, int bSeats, int cSeats) {
        RouteNetwork network = NetworkLoader.loadDefault();
        network = withSeats(network, "A", CITIES.get(0), CITIES.get(1), aSeats);
        network = withSeats(network, "B", CITIES.get(1), CITIES.get(2), bSeats);
        return withSeats(network, "C", CITIES.get(2), CITIES.get(3), cSeats);
    }

    private static RouteNetwork withSeats(RouteNetwork network, String airline, String from, String to, int seats) {
        Airline a = network.airline(airline).orElseThrow();
        var capacity = new TreeMap<>(a.capacity());
        capacity.put(new Segment.Key(from, to), seats);
        return network.withAirline(a.withCapacity(capacity));
    }


    /** Distinct valid CPFs, one per buyer. */
    private static final class Buyer {
        static String cpf(int n) {
            String base = String.format("%09d", 100_000_000 + n * 7919L % 899_999_999);
            for (int d1 = 0; d1 < 10; d1++) {
                for (int d2 = 0; d2 < 10; d2++) {
                    if (Cpf.isValid(base + d1 + d2)) {
                        return base + d1 + d2;
                    }
                }
            }
            throw new IllegalStateException("no check digits for " + base);
        }
    }
}
