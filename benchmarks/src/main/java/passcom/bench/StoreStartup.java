package passcom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passcom.core.route.NetworkLoader;
import passcom.core.route.NetworkWriter;
import passcom.core.route.RouteNetwork;
import passcom.core.route.generate.NetworkGenerator;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.NodeConfig;

/**
 * How long one airline takes to start on a large network: first start (empty data directory: schema,
 * then one {@code segment_stock} row per segment) and reopen (the same directory after a clean stop).
 * Prints tables; asserts nothing. Results and the command: docs/history/startup.md.
 *
 * <p>Two measurements, each {@code --runs} times:
 * <ol>
 *   <li>process: {@code java -jar passcom-server.jar --airline A --network FILE --data-dir DIR --port P --metrics-port 0}
 *       timed from launch until {@code GET /saude} answers 200 (polled every 10 ms), with the server's own
 *       log split (store open + {@link AirlineNode#start}, of which seat creation, then Jetty); each run a
 *       fresh JVM, so every run is a cold start, as in production;</li>
 *   <li>in-process: {@link AirlineNode#start} alone in this JVM, after one discarded warm-up.</li>
 * </ol>
 * After each first start the store is opened read-only to check the seats are all there.
 *
 * <p>Flags: {@code --jar PATH} (server-webapp/target/passcom-server.jar), {@code --cities N} (1000, about
 * 5 × N directed segments), {@code --seats N} (200), {@code --runs N} (5), {@code --dir DIR} (a new
 * temporary folder).
 */
public final class StoreStartup {

    private static final Pattern SEATS_MS = Pattern.compile("seats (\\d+) ms");
    private static final Pattern NODE_MS = Pattern.compile("node (\\d+) ms, Jetty (\\d+) ms");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Path jar;
    private final Path network;
    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    /** One start: wall time to the first 200 and the server's own split of it, in ms. */
    record Start(long wallMs, long nodeMs, long seatsMs, long jettyMs, long storeBytes) {
    }

    private StoreStartup(Path jar, Path network, Path root) {
        this.jar = jar;
        this.network = network;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = CommandLine.flags(args);
        Path jar = Path.of(flags.getOrDefault("jar", "server-webapp/target/passcom-server.jar"));
        int cities = Integer.parseInt(flags.getOrDefault("cities", "1000"));
        int seats = Integer.parseInt(flags.getOrDefault("seats", "200"));
        int runs = Integer.parseInt(flags.getOrDefault("runs", "5"));
        Path root = flags.containsKey("dir") ? Files.createDirectories(Path.of(flags.get("dir")))
                : Files.createTempDirectory("passcom-startup");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no server jar at " + jar + " (mvn -q -B -DskipTests -pl server-webapp -am package)");
        }
        RouteNetwork generated = NetworkGenerator.generate(1, cities, 5, 3, seats);
        Path networkFile = NetworkWriter.write(generated, root.resolve("network.json"));
        int segments = generated.airline("A").orElseThrow().capacity().size();
        System.out.printf("network: %d cities, %d segments flown by A x %d seats (%,d seats), file %,d bytes; load %s%n",
                cities, segments, seats, (long) segments * seats, Files.size(networkFile), loadAverage());

        StoreStartup bench = new StoreStartup(jar, networkFile, root);
        List<Start> first = new ArrayList<>();
        List<Start> reopen = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dataDir = root.resolve("A-" + run);
            Start start = bench.start(dataDir);
            first.add(start);
            checkSeats(dataDir, segments, (long) segments * seats);
            reopen.add(bench.start(dataDir));
        }
        System.out.printf("%nprocess start until /saude answers 200 (%d runs each, fresh JVM each run; load %s)%n", runs, loadAverage());
        System.out.println("| start | wall median | wall max | node (store + AirlineNode.start) median | of which seats median | Jetty median | store file |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        row("first (empty data dir)", first);
        row("reopen", reopen);

        List<Long> firstNode = new ArrayList<>();
        List<Long> reopenNode = new ArrayList<>();
        Path warm = root.resolve("in-process-warm-up");
        bench.startNode(warm);
        bench.startNode(warm);
        for (int run = 1; run <= runs; run++) {
            Path dataDir = root.resolve("in-process-" + run);
            firstNode.add(bench.startNode(dataDir));
            reopenNode.add(bench.startNode(dataDir));
        }
        System.out.printf("%nAirlineNode.start in this JVM, after a warm-up (%d runs each; load %s)%n", runs, loadAverage());
        System.out.println("| start | median | max |");
        System.out.println("| --- | ---: | ---: |");
        System.out.printf("| first (empty store) | %d ms | %d ms |%n", median(firstNode), max(firstNode));
        System.out.printf("| reopen | %d ms | %d ms |%n", median(reopenNode), max(reopenNode));
        System.out.println("\nfolder: " + root);
    }

    /** Launches the server jar on {@code dataDir}, waits for /saude 200, stops it (SIGTERM) and reads its log. */
    private Start start(Path dataDir) throws IOException, InterruptedException {
        int port = CommandLine.freePort();
        Path log = root.resolve(dataDir.getFileName() + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--airline", "A", "--network", network.toString(), "--data-dir", dataDir.toString(),
                "--port", String.valueOf(port), "--metrics-port", "0");
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            awaitHealthy(URI.create("http://127.0.0.1:" + port + "/saude"), process, log);
            long wallMs = (System.nanoTime() - launched) / 1_000_000;
            String text = Files.readString(log, StandardCharsets.UTF_8);
            long seatsMs = last(SEATS_MS, text, m -> Long.parseLong(m.group(1)));
            long nodeMs = last(NODE_MS, text, m -> Long.parseLong(m.group(1)));
            long jettyMs = last(NODE_MS, text, m -> Long.parseLong(m.group(2)));
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return new Start(wallMs, nodeMs, seatsMs, jettyMs, storeBytes(dataDir));
        } finally {
            process.destroyForcibly();
        }
    }

    /** {@link AirlineNode#start} alone on {@code dataDir}'s store, then a clean close; returns its time in ms. */
    private long startNode(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        RouteNetwork net = NetworkLoader.load(network);
        NodeConfig config = NodeConfig.defaults("A", net, "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("passcom.db"));
        long t0 = System.nanoTime();
        AirlineNode node = AirlineNode.start(config, Map.of());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        node.close();
        return ms;
    }

    private void awaitHealthy(URI health, Process process, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited while starting; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no 200 from " + health + " within " + START_LIMIT + "; see " + log);
    }

    /** Opens the store read-only: one row per segment flown, every seat of the network counted. */
    private static void checkSeats(Path dataDir, int segments, long seats) throws SQLException {
        String url = "jdbc:sqlite:file:" + dataDir.toAbsolutePath().resolve("passcom.db") + "?mode=ro";
        try (Connection c = DriverManager.getConnection(url);
             ResultSet row = c.createStatement().executeQuery("SELECT COUNT(*), SUM(capacity) FROM segment_stock")) {
            row.next();
            if (row.getInt(1) != segments || row.getLong(2) != seats) {
                throw new IllegalStateException(dataDir + ": " + row.getInt(1) + " segments, " + row.getLong(2)
                        + " seats; expected " + segments + ", " + seats);
            }
        }
    }

    private static void row(String what, List<Start> starts) {
        System.out.printf("| %s | %d ms | %d ms | %d ms | %d ms | %d ms | %,d bytes |%n", what,
                median(starts, Start::wallMs), max(starts, Start::wallMs), median(starts, Start::nodeMs),
                median(starts, Start::seatsMs), median(starts, Start::jettyMs), starts.get(starts.size() - 1).storeBytes());
        System.out.println("  runs (wall ms): " + starts.stream().map(s -> String.valueOf(s.wallMs())).toList());
    }

    private static long storeBytes(Path dataDir) throws IOException {
        long bytes = 0;
        for (String name : List.of("passcom.db", "passcom.db-wal", "passcom.db-shm")) {
            Path file = dataDir.resolve(name);
            if (Files.exists(file)) {
                bytes += Files.size(file);
            }
        }
        return bytes;
    }

    private static long last(Pattern pattern, String text, ToLongFunction<Matcher> value) {
        Matcher m = pattern.matcher(text);
        long found = -1;
        while (m.find()) {
            found = value.applyAsLong(m);
        }
        return found;
    }

    private static long median(List<Start> starts, ToLongFunction<Start> value) {
        return median(starts.stream().map(value::applyAsLong).toList());
    }

    private static long max(List<Start> starts, ToLongFunction<Start> value) {
        return max(starts.stream().map(value::applyAsLong).toList());
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

}
