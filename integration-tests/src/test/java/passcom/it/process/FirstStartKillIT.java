package passcom.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.route.Airline;
import passcom.core.route.NetworkWriter;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.generate.NetworkGenerator;

/**
 * Issue 7: "a kill during the first start, while seats are being created". One airline on a 1,000-city network
 * (5,000 segments, 100 seats each) is killed with SIGKILL at a different moment of its first start in each
 * round, on a fresh data directory: while the JVM starts, while the schema is migrated, while the seats are
 * written. It is then started again on what the kill left, and must answer {@code /saude} within the cluster's
 * start deadline (30 s), sell a seat, and leave a store with every segment at its capacity (read from the
 * SQLite file once it has stopped). The old H2 store, killed there, reopened with rows locked by the dead
 * transaction and spun without answering.
 */
class FirstStartKillIT {

    private static final int CITIES = 1000;
    private static final int SEATS = 100;
    private static final String AIRLINE = "A";
    private static final String CPF = "529.982.247-25";
    private static final Duration TRIGGER_DEADLINE = Duration.ofSeconds(30);
    private static final String SEATS_LINE = "recording the capacity of its";
    /** What a start logs instead when every capacity is already recorded: it writes nothing (docs/PERFORMANCE.md). */
    private static final String SEATS_KEPT_LINE = "capacity of its %d segments is already recorded";

    /**
     * When a round kills the first start: a fixed time after launch, or a little after a line of its log. A start
     * after a kill that came once the seats were committed logs {@code skipLine} instead of {@code logLine} (it has no
     * seats to write); such a moment is then not a kill during the seat write, and the round checks that the store
     * the previous kill left had every seat.
     */
    private record Moment(String name, String logLine, String skipLine, long delayMillis) {
        static Moment afterLaunch(long millis) {
            return new Moment(millis + " ms after launch", null, null, millis);
        }

        static Moment afterLog(String line, long millis) {
            return new Moment(millis + " ms after log '" + line + "'", line, null, millis);
        }

        static Moment afterSeatWriteOrSkip(String line, String skipLine, long millis) {
            return new Moment(millis + " ms after log '" + line + "'", line, skipLine, millis);
        }
    }

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void when_the_first_start_is_killed_at_any_moment_then_the_next_start_answers_with_every_seat_and_sells() throws Exception {
        RouteNetwork network = NetworkGenerator.generate(1, CITIES, 5, 3, SEATS);
        Path networkFile = NetworkWriter.write(network, dir.resolve("network.json"));
        Airline airline = network.airline(AIRLINE).orElseThrow();
        int segments = airline.capacity().size();
        Segment.Key sold = airline.capacity().firstKey();

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<List<Moment>> rounds = List.of(
                List.of(Moment.afterLaunch(50)),
                List.of(Moment.afterLaunch(150)),
                List.of(Moment.afterLaunch(400)),
                List.of(Moment.afterLaunch(600 + random.nextInt(1400))),
                // Flyway logs this just before it applies V1
                List.of(Moment.afterLog("Migrating schema", random.nextInt(30))),
                // AirlineNode logs this just before the one transaction that writes every segment's row
                List.of(Moment.afterLog(SEATS_LINE, random.nextInt(10))),
                List.of(Moment.afterLog(SEATS_LINE, 10 + random.nextInt(30))),
                // the start after a kill there is killed there too (when the first kill left seats to write)
                List.of(Moment.afterLog(SEATS_LINE, random.nextInt(30)),
                        Moment.afterSeatWriteOrSkip(SEATS_LINE, String.format(SEATS_KEPT_LINE, segments), random.nextInt(30))));
        List<String> report = new ArrayList<>();
        report.add("seed " + seed + "; " + segments + " segments x " + SEATS + " seats");
        for (int round = 0; round < rounds.size(); round++) {
            Path root = dir.resolve("round-" + round);
            Files.createDirectories(root);
            try (ProcessCluster cluster = ProcessCluster.unstarted(root, networkFile, AIRLINE)) {
                Path dataDir = root.resolve(AIRLINE);
                List<String> kills = new ArrayList<>();
                StoreFile.Contents left = null;
                for (Moment moment : rounds.get(round)) {
                    long logStart = logSize(cluster.log(AIRLINE));
                    cluster.launch(AIRLINE);
                    if (killAt(cluster, moment, logStart)) {
                        assertThat(left).as("round %d: a start wrote no seats, so the kill before it left them all", round).isNotNull();
                        assertThat(left.segments()).as("round %d: segment rows the kill left", round).isEqualTo(segments);
                        assertThat(left.capacity()).as("round %d: seats the kill left", round).isEqualTo((long) segments * SEATS);
                        kills.add("found every seat recorded and wrote none, killed " + moment.delayMillis() + " ms after");
                        continue;
                    }
                    long wal = logSize(dataDir.resolve("passcom.db-wal"));
                    left = StoreFile.snapshot(dataDir, root.resolve("after-kill-" + kills.size()));
                    kills.add("killed " + moment.name() + ", leaving " + left.describe() + " (WAL " + wal + " bytes)");
                }

                long restarted = System.nanoTime();
                cluster.restart(AIRLINE);
                long answeredMs = (System.nanoTime() - restarted) / 1_000_000;
                Customer.Reply bought = Customer.buy(cluster.uri(AIRLINE), CPF, List.of(AIRLINE),
                        List.of(sold.origin(), sold.destination()));
                assertThat(bought.status()).as("round %d (%s): purchase of %s; log:%n%s", round, kills, sold,
                        cluster.logTail(AIRLINE, 30)).isEqualTo(200);
                assertThat(bought.json().path("passagem").path("localizador").asText()).isNotEmpty();
                cluster.stop(AIRLINE);

                StoreFile.Contents after = StoreFile.read(dataDir);
                assertThat(after.integrity()).as("round %d integrity", round).isEqualTo("ok");
                assertThat(after.segments()).as("round %d segment rows", round).isEqualTo(segments);
                assertThat(after.capacity()).as("round %d seats", round).isEqualTo((long) segments * SEATS);
                assertThat(after.sold()).as("round %d sold", round).isEqualTo(1);
                assertThat(after.held()).as("round %d held", round).isZero();
                report.add(String.format("round %d: %s; restart answered /saude 200 in %d ms", round,
                        String.join("; ", kills), answeredMs));
            }
        }
        report.forEach(line -> System.out.println("[FirstStartKillIT] " + line));
    }

    /**
     * Waits for the moment (polling the run's log when the moment follows a line), then kills the server. Returns
     * whether the start logged the moment's skip line instead of its line (it had no seats to write).
     */
    private static boolean killAt(ProcessCluster cluster, Moment moment, long logStart) {
        boolean skipped = false;
        if (moment.logLine() != null) {
            // polled every 2 ms, not the fixture's 50: seat creation takes tens of milliseconds
            long deadline = System.nanoTime() + TRIGGER_DEADLINE.toNanos();
            String log;
            while (!(log = logSince(cluster.log(AIRLINE), logStart)).contains(moment.logLine()) && cluster.isRunning(AIRLINE)) {
                if (moment.skipLine() != null && log.contains(moment.skipLine())) {
                    skipped = true;
                    break;
                }
                assertThat(System.nanoTime()).as("log line '%s' within %s", moment.logLine(), TRIGGER_DEADLINE).isLessThan(deadline);
                ProcessCluster.pause(2);
            }
            assertThat(cluster.isRunning(AIRLINE)).as("the first start exited by itself; log:%n%s",
                    cluster.logTail(AIRLINE, 30)).isTrue();
        }
        ProcessCluster.pause(moment.delayMillis());
        cluster.kill(AIRLINE);
        return skipped;
    }

    private static long logSize(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static String logSince(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
