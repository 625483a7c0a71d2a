package passcom.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import passcom.it.Buyers;
import passcom.it.process.Attempt.Itinerary;
import passcom.it.process.Attempt.Outcome;

/**
 * A crash campaign: a bounded loop of rounds (count from {@code -Dpasscom.crash.rounds}, 2 by default; the loop
 * also stops starting rounds once {@code rounds × perRound} has passed), each on a fresh data folder under
 * {@code target/crash-campaigns/<campaign>-<time>/round-NN}: the airlines' data folders are deleted when the round
 * passes and kept when it fails; every server's log is kept (small, and the start-up timings are in it). A failed round does not stop the campaign: the table shows every round, and the
 * test fails at the end. Also the steps both campaigns share: time-to-quiet, re-asking unknown outcomes with the
 * same {@code id_pedido}, the audit ({@link Books}), and "every segment the round used still sells".
 */
final class CrashCampaign {

    static final List<String> AIRLINES = List.of("A", "B", "C");
    /** Seats per segment and airline: few enough that busy segments sell out, so refusals and recounts are exercised. */
    static final int SEATS = 8;
    static final int BUYERS = 16;
    static final int MAX_PURCHASES_PER_ROUND = 3_000;
    /** The Swing client's purchase timeout ({@code PasscomClient.Timeouts.DEFAULT.write()}). */
    static final long CLIENT_TIMEOUT_MILLIS = 15_000;
    /** Longer than {@link Customer}'s 20 s purchase timeout, so every purchase in flight has ended. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    static final Duration QUIET_LIMIT = Duration.ofSeconds(60);
    /** Customers of the segment check: above any load's CPF sequence. */
    private static final int CHECK_CUSTOMERS = 1_000_000;

    interface RoundBody {
        void run(CampaignReport.Round round, Path dir, Random random) throws Exception;
    }

    private CrashCampaign() {
    }

    static boolean onPostgresqlExecution() {
        return "postgresql".equals(System.getProperty("passcom.it.store"));
    }

    static CampaignReport run(String campaign, Duration perRound, RoundBody body) {
        int rounds = Integer.getInteger("passcom.crash.rounds", 2);
        long campaignSeed = Long.getLong("passcom.crash.seed", System.nanoTime());
        Path base = Path.of("target", "crash-campaigns",
                campaign + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        long deadline = System.nanoTime() + perRound.multipliedBy(rounds).toNanos();
        CampaignReport report = new CampaignReport(campaign + " (campaign seed " + campaignSeed + ")");
        Random seeds = new Random(campaignSeed);
        for (int n = 1; n <= rounds && System.nanoTime() < deadline; n++) {
            CampaignReport.Round round = new CampaignReport.Round(n, seeds.nextLong());
            Path dir = base.resolve(String.format("round-%02d", n));
            long started = System.nanoTime();
            try {
                Files.createDirectories(dir);
                body.run(round, dir, new Random(round.seed));
                for (String airline : AIRLINES) {
                    deleteRecursively(dir.resolve(airline));
                }
            } catch (Exception | AssertionError e) {
                round.failure = e.toString();
                System.out.printf("%s round %d FAILED (data and logs kept in %s):%n", campaign, n, dir);
                e.printStackTrace(System.out);
            }
            report.add(round);
            System.out.printf("%s round %d: %s in %d ms; %s; purchases %d, acknowledged %d, quiet %s%n", campaign, n,
                    round.failure == null ? "passed" : "FAILED", (System.nanoTime() - started) / 1_000_000, round.scenario,
                    round.purchases, round.acknowledged, round.quietMillis);
        }
        String table = report.table();
        System.out.println(table);
        try {
            Files.createDirectories(base);
            Files.writeString(base.resolve("table.md"), table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    /** Milliseconds from a launch to the first {@code /saude} answered at all, and to the first quiet one. */
    record Quiet(long servingMillis, long quietMillis) {
    }

    /**
     * Polls every airline's {@code /saude} (each on its own thread, so a slow answer from one does not delay
     * another's measurement) until it reports no open hold and no pending transaction; returns per airline the
     * milliseconds from its {@code since} ({@link System#nanoTime}) to its first answer and to the first quiet one.
     */
    static Map<String, Quiet> awaitQuiet(ProcessCluster cluster, Map<String, Long> since) {
        ExecutorService pollers = Executors.newFixedThreadPool(since.size());
        try {
            Map<String, CompletableFuture<Quiet>> polls = new LinkedHashMap<>();
            since.forEach((airline, from) -> polls.put(airline, CompletableFuture.supplyAsync(() -> {
                long deadline = from + QUIET_LIMIT.toNanos();
                long serving = -1;
                while (true) {
                    JsonNode health = healthOrNull(cluster, airline);
                    long now = System.nanoTime();
                    if (health != null && serving < 0) {
                        serving = (now - from) / 1_000_000;
                    }
                    if (health != null && health.path("reservas_abertas").asLong(-1) == 0
                            && health.path("transacoes_pendentes").asLong(-1) == 0) {
                        return new Quiet(serving, (now - from) / 1_000_000);
                    }
                    if (!cluster.isRunning(airline)) {
                        throw new AssertionError("airline " + airline + " exited before going quiet; log:\n" + cluster.logTail(airline, 40));
                    }
                    if (now > deadline) {
                        throw new AssertionError("airline " + airline + " not quiet " + QUIET_LIMIT + " after restart: "
                                + cluster.healthText(airline) + "\n" + cluster.logProblems(airline, 20));
                    }
                    ProcessCluster.pause(20);
                }
            }, pollers)));
            Map<String, Quiet> quiet = new LinkedHashMap<>();
            polls.forEach((airline, poll) -> quiet.put(airline, join(poll, QUIET_LIMIT.plusSeconds(10))));
            return quiet;
        } finally {
            pollers.shutdownNow();
        }
    }

    private static JsonNode healthOrNull(ProcessCluster cluster, String airline) {
        try {
            Customer.Reply reply = Customer.health(cluster.uri(airline));
            return reply.status() == 200 ? reply.json() : null;
        } catch (IOException notServing) {
            return null;
        }
    }

    /**
     * Sends every purchase whose outcome the customer does not know again, with the same {@code id_pedido}, to the
     * server it went to: once that server has recovered it must give a definite answer (the recorded outcome, or
     * a purchase made now if the first request never reached its store). Returns the attempts with those answers.
     */
    static List<Attempt> reaskUnknown(ProcessCluster cluster, List<Attempt> attempts, CampaignReport.Round round) {
        List<Attempt> settled = new ArrayList<>();
        List<Attempt> stillUnknown = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.outcome() != Outcome.UNKNOWN) {
                settled.add(attempt);
                continue;
            }
            round.unknownReasked++;
            Attempt again = attempt.repeat(cluster.uri(attempt.via()));
            settled.add(again);
            if (again.outcome() == Outcome.UNKNOWN || again.outcome() == Outcome.NOT_DELIVERED) {
                stillUnknown.add(again);
            }
        }
        assertThat(stillUnknown).as("purchases still without a definite answer after recovery, asked again with their id_pedido")
                .isEmpty();
        return settled;
    }

    /** Waits for quiet (purchases re-asked may have bought), then audits; returns the books for the segment check. */
    static Books audit(ProcessCluster cluster, List<Attempt> attempts, CampaignReport.Round round) {
        cluster.awaitQuiet();
        Books books = Books.read(cluster, attempts);
        try {
            books.assertConsistent(cluster, attempts);
        } catch (AssertionError e) {
            cluster.airlines().forEach(a -> System.out.printf("---- problems in %s's log:%n%s%n", a, cluster.logProblems(a, 30)));
            throw e;
        }
        round.audited = (int) attempts.stream().filter(a -> a.outcome() == Outcome.ACKNOWLEDGED).count();
        return books;
    }

    /**
     * One more purchase on each airline's segment (and direction) the round's attempts named, through the servers
     * in turn: each must be bought, or refused 409 only if the audited books already fill that leg.
     */
    static void assertEverySegmentStillSells(ProcessCluster cluster, Books books, List<Attempt> attempts) {
        Set<Itinerary> legs = new LinkedHashSet<>();
        attempts.forEach(a -> {
            for (int i = 0; i < a.itinerary().airlines().size(); i++) {
                legs.add(new Itinerary(List.of(a.itinerary().airlines().get(i)),
                        List.of(a.itinerary().cities().get(i), a.itinerary().cities().get(i + 1))));
            }
        });
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> checks = new ArrayList<>();
            int n = 0;
            for (Itinerary leg : legs) {
                String cpf = Buyers.cpf(CHECK_CUSTOMERS + n);
                String via = cluster.airlines().get(n++ % cluster.airlines().size());
                checks.add(CompletableFuture.supplyAsync(() -> {
                    Attempt check = Attempt.make(cluster.uri(via), via, cpf, leg);
                    long listed = books.listedLegsOn(leg.airlines().get(0), leg.cities().get(0), leg.cities().get(1));
                    boolean soldOut = listed >= SEATS;
                    boolean fine = check.status() == 200 && check.outcome() == Outcome.ACKNOWLEDGED
                            || check.status() == 409 && check.outcome() == Outcome.REFUSED && soldOut;
                    return fine ? null : leg + " via " + via + " with " + listed + "/" + SEATS + " seats listed sold: " + check.detail();
                }, buyers));
            }
            List<String> broken = checks.stream().map(c -> join(c, Duration.ofSeconds(60))).filter(s -> s != null).toList();
            assertThat(broken).as("segments the round used that no longer sell (%d of %d)", broken.size(), legs.size()).isEmpty();
        } finally {
            buyers.shutdownNow();
        }
    }

    static long count(List<Attempt> attempts, Outcome outcome) {
        return attempts.stream().filter(a -> a.outcome() == outcome).count();
    }

    private static <T> T join(CompletableFuture<T> future, Duration limit) {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new AssertionError(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no result within " + limit, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
