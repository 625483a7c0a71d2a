package passcom.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import passcom.it.Buyers;
import passcom.it.process.Attempt.Itinerary;
import passcom.it.process.Attempt.Outcome;

/**
 * "Whatever was acknowledged survives kill -9 of the process at any instant" (issue 3, section 4), with each
 * airline a separate JVM and every crash a real SIGKILL. After the federation settles, {@link Books} audits what
 * it lists against what every customer was told.
 */
class CrashRecoveryProcessIT {

    private static final List<Itinerary> ITINERARIES = List.of(
            new Itinerary(List.of("A"), List.of("Cuiabá", "Goiânia")),
            new Itinerary(List.of("B", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
            new Itinerary(List.of("A", "B", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Vitória")),
            new Itinerary(List.of("C"), List.of("São Paulo", "Curitiba")),
            new Itinerary(List.of("B", "A"), List.of("São Paulo", "Curitiba", "Florianópolis")));
    private static final int SEATS = 40;
    private static final int BUYERS = 8;
    private static final int MIN_PURCHASES = 150;
    private static final int MAX_PURCHASES = 300;
    private static final int KILLS = 3;
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(30);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private ProcessCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void when_servers_are_killed_with_sigkill_under_load_then_every_acknowledged_booking_survives_and_nothing_else_is_sold()
            throws Exception {
        cluster = ProcessCluster.start(dir, NetworkFile.withDefaultSeats(dir, SEATS), "A", "B", "C");
        long seed = System.nanoTime();
        Random chaos = new Random(seed);
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger issued = new AtomicInteger();
        AtomicBoolean killsDone = new AtomicBoolean();
        Instant loadDeadline = Instant.now().plus(LOAD_DEADLINE);

        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        List<String> kills = new ArrayList<>();
        try {
            List<Future<?>> buyers = new ArrayList<>();
            for (int b = 0; b < BUYERS; b++) {
                Random random = new Random(seed + b + 1);
                buyers.add(pool.submit(() -> buyUntilDone(random, issued, killsDone, loadDeadline, attempts)));
            }
            for (int k = 0; k < KILLS; k++) {
                ProcessCluster.pause(300 + chaos.nextInt(1200));
                String victim = cluster.airlines().get(chaos.nextInt(cluster.airlines().size()));
                cluster.kill(victim);
                kills.add(victim + "@" + issued.get());
                ProcessCluster.pause(1000);
                cluster.restart(victim);
            }
            killsDone.set(true);
            for (Future<?> buyer : buyers) {
                buyer.get(LOAD_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        settleAndAudit(attempts, "kill -9 under load (seed " + seed + ", kills " + kills + ")");
        assertThat(kills).hasSize(KILLS);
    }

    @Test
    void when_the_coordinator_is_killed_while_purchases_are_in_flight_then_each_ends_bought_in_full_or_not_at_all()
            throws Exception {
        cluster = ProcessCluster.start(dir, NetworkFile.withDefaultSeats(dir, SEATS), "A", "B", "C");
        Itinerary onOthers = ITINERARIES.get(1);
        int inFlight = 12;
        long seed = System.nanoTime();
        // A random moment after the first hold, so runs vary between "none decided yet" and "some acknowledged".
        int killDelayMillis = new Random(seed).nextInt(150);
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        boolean holdsSeen;
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> buyers = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                String cpf = Buyers.cpf(10_000 + i);
                buyers.add(pool.submit(() -> {
                    go.await();
                    attempts.add(Attempt.make(cluster.uri("A"), "A", cpf, onOthers));
                    return null;
                }));
            }
            go.countDown();
            holdsSeen = awaitHoldsOn("B", Duration.ofSeconds(5));
            ProcessCluster.pause(killDelayMillis);
            cluster.kill("A");
            for (Future<?> buyer : buyers) {
                buyer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        cluster.restart("A");

        settleAndAudit(attempts, "coordinator A killed " + killDelayMillis + " ms after "
                + (holdsSeen ? "B first held a seat" : "5 s with no hold seen on B") + " (seed " + seed + ")");
    }

    private void buyUntilDone(Random random, AtomicInteger issued, AtomicBoolean killsDone, Instant deadline, List<Attempt> attempts) {
        while (Instant.now().isBefore(deadline)) {
            int n = issued.getAndIncrement();
            if (n >= MAX_PURCHASES || (killsDone.get() && n >= MIN_PURCHASES)) {
                return;
            }
            Itinerary itinerary = ITINERARIES.get(random.nextInt(ITINERARIES.size()));
            String via = cluster.airlines().get(random.nextInt(cluster.airlines().size()));
            attempts.add(Attempt.make(cluster.uri(via), via, Buyers.cpf(n), itinerary));
            // Pacing, not waiting for a condition: spreads the purchases over the kills instead of selling out first.
            ProcessCluster.pause(250 + random.nextInt(400));
        }
    }

    /** Polls B's /saude until it holds a seat for some transaction: the purchases are between prepare and decision. */
    private boolean awaitHoldsOn(String airline, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Customer.health(cluster.uri(airline)).json().path("reservas_abertas").asLong() > 0) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private void settleAndAudit(List<Attempt> attempts, String scenario) {
        for (String airline : cluster.airlines()) {
            if (!cluster.isRunning(airline)) {
                cluster.restart(airline);
            }
        }
        cluster.awaitQuiet();
        List<Attempt> all = List.copyOf(attempts);
        Books books = Books.read(cluster, all);
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        all.forEach(a -> byOutcome.merge(a.outcome(), 1, Integer::sum));
        System.out.printf("%s: purchases %d, acknowledged %d, refused %d, not delivered %d, unknown %d, unexpected %d; "
                        + "bookings listed %d%n", scenario, all.size(), byOutcome.getOrDefault(Outcome.ACKNOWLEDGED, 0),
                byOutcome.getOrDefault(Outcome.REFUSED, 0), byOutcome.getOrDefault(Outcome.NOT_DELIVERED, 0),
                byOutcome.getOrDefault(Outcome.UNKNOWN, 0), byOutcome.getOrDefault(Outcome.UNEXPECTED, 0), books.listedBookings());
        try {
            books.assertConsistent(cluster, all);
        } catch (AssertionError e) {
            cluster.airlines().forEach(a -> System.out.printf("---- last lines of %s's log:%n%s%n", a, cluster.logTail(a, 30)));
            throw e;
        }
    }
}
