package passcom.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import passcom.api.Json;
import passcom.bench.CommandLine;
import passcom.core.route.Airline;
import passcom.core.route.NetworkWriter;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * Issue 19's freshness benchmark: how long after a sale that takes a segment's last free seat the other servers'
 * route answers stop offering it. It starts a federation with the launcher on the generated network (airline B has
 * one seat on every segment, A and C plenty), and for each change buys B's last seat of one segment through B,
 * then polls every other server's {@code /caminhos_cliente} for that segment until B's own answered paths
 * ({@code caminhos_encontrados}) no longer hold it. The time from the purchase's answer to that route answer is
 * one sample per server. Meanwhile {@code --load N} client threads keep buying seats of A and C, so the feeds
 * carry the deltas of a purchase load. Prints the percentiles; asserts nothing.
 *
 * <p>{@code java -cp benchmarks.jar passcom.bench.load.FreshnessProbe --launcher ./passcom [--changes 1000]
 * [--cities 1000] [--load 4]}
 */
public final class FreshnessProbe {

    private static final String CHANGED = "B";
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private FreshnessProbe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = CommandLine.flags(args);
        Path launcher = Path.of(flags.getOrDefault("launcher", "passcom"));
        int changes = Integer.parseInt(flags.getOrDefault("changes", "1000"));
        int cities = Integer.parseInt(flags.getOrDefault("cities", "1000"));
        int loadClients = Integer.parseInt(flags.getOrDefault("load", "4"));

        RouteNetwork network = withOneSeat(BenchNetworks.large(cities, 3), CHANGED);
        List<Segment.Key> segments = List.copyOf(network.airline(CHANGED).orElseThrow().capacity().keySet());
        if (segments.size() < changes) {
            throw new IllegalArgumentException("B flies " + segments.size() + " segments; ask for at most that many --changes");
        }
        Path work = Files.createTempDirectory("passcom-freshness-");
        Path file = NetworkWriter.write(network, work.resolve("network.json"));
        try (LaunchedFederation federation = new LaunchedFederation(launcher, file, work.resolve("federation"), List.of("A", "B", "C"),
                Optional.empty())) {
            Map<String, URI> servers = federation.servers();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong loadPurchases = new AtomicLong();
            ExecutorService load = Executors.newFixedThreadPool(Math.max(1, loadClients));
            for (int c = 0; c < loadClients; c++) {
                int client = c;
                load.submit(() -> backgroundPurchases(http, servers, network, client, stop, loadPurchases));
            }
            List<Long> samples = new ArrayList<>();
            int missed = 0;
            long began = System.nanoTime();
            try {
                for (int i = 0; i < changes; i++) {
                    Segment.Key key = segments.get(i);
                    for (String server : servers.keySet()) {
                        if (!server.equals(CHANGED)) {
                            awaitOffered(http, servers.get(server), key, true); // the image has the seat before the sale
                        }
                    }
                    int status = buy(http, servers.get(CHANGED), CHANGED, key, "fresh-" + i);
                    if (status != 200) {
                        throw new IllegalStateException("buying B's last seat of " + key + " answered " + status);
                    }
                    long sold = System.nanoTime();
                    for (String server : servers.keySet()) {
                        if (server.equals(CHANGED)) {
                            continue;
                        }
                        long seen = awaitOffered(http, servers.get(server), key, false);
                        if (seen < 0) {
                            missed++;
                        } else {
                            samples.add(seen - sold);
                        }
                    }
                }
            } finally {
                stop.set(true);
                load.shutdown();
                load.awaitTermination(30, TimeUnit.SECONDS);
            }
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("freshness: %d sales of a segment's last seat on %d cities / %d segments, %d samples (servers A and C),"
                            + " %d not seen within %d s; background purchases %d (%d/s, %d clients)%n",
                    changes, network.cities().size(), network.segments().size(), sorted.length, missed, GIVE_UP.toSeconds(),
                    loadPurchases.get(), loadPurchases.get() / seconds, loadClients);
            System.out.printf("from the purchase's answer to a route answer without the seat: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    /** The network with {@code airline} holding one seat on every segment it flies. */
    private static RouteNetwork withOneSeat(RouteNetwork network, String airline) {
        Airline changed = network.airline(airline).orElseThrow();
        Map<Segment.Key, Integer> one = new TreeMap<>();
        changed.capacity().keySet().forEach(k -> one.put(k, 1));
        return network.withAirline(changed.withCapacity(one));
    }

    /**
     * Polls {@code server}'s route answer for the segment until B's answered paths do ({@code offered}) or do not hold
     * the one-leg path over it; returns when that answer arrived (nanoTime), or -1 past {@link #GIVE_UP}.
     */
    private static long awaitOffered(HttpClient http, URI server, Segment.Key key, boolean offered) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        URI query = server.resolve("/caminhos_cliente?origem=" + URLEncoder.encode(key.origin(), StandardCharsets.UTF_8)
                + "&destino=" + URLEncoder.encode(key.destination(), StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long at = System.nanoTime();
            if (answer.statusCode() == 200 && offersDirect(Json.mapper().readTree(answer.body()), key) == offered) {
                return at;
            }
        }
        return -1;
    }

    /** Whether B's own paths in the answer include the one-leg path over {@code key}. */
    private static boolean offersDirect(JsonNode answer, Segment.Key key) {
        for (JsonNode airline : answer.path("caminhos_encontrados")) {
            if (!CHANGED.equals(airline.path(0).asText())) {
                continue;
            }
            for (int i = 1; i < airline.size(); i++) {
                JsonNode path = airline.get(i);
                if (path.size() == 2 && key.origin().equals(path.get(0).asText()) && key.destination().equals(path.get(1).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int buy(HttpClient http, URI server, String airline, Segment.Key key, String requestId) throws Exception {
        String body = "{\"cpf\":\"52998224725\",\"id_pedido\":\"" + requestId + "\",\"caminho\":[[\"" + airline + "\"],[\""
                + key.origin() + "\",\"" + key.destination() + "\"]]}";
        return http.send(HttpRequest.newBuilder(server.resolve("/comprar_cliente")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** One client of the background load: one-leg purchases of A's and C's plentiful seats, round the servers. */
    private static void backgroundPurchases(HttpClient http, Map<String, URI> servers, RouteNetwork network, int client,
                                            AtomicBoolean stop, AtomicLong done) {
        List<URI> uris = List.copyOf(servers.values());
        List<String> airlines = Arrays.asList("A", "C");
        List<Segment.Key> keys = List.copyOf(network.airline("A").orElseThrow().capacity().keySet());
        for (long n = 0; !stop.get(); n++) {
            try {
                String airline = airlines.get((int) (n % 2));
                Segment.Key key = keys.get((int) ((n * 7 + client * 131) % keys.size()));
                if (buy(http, uris.get((int) (n % uris.size())), airline, key, "load-" + client + "-" + n) == 200) {
                    done.incrementAndGet();
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
