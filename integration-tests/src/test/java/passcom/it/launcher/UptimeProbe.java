package passcom.it.launcher;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import passcom.it.process.Customer;

/**
 * Asks some airlines for {@code GET /saude} over real HTTP every 100 ms, on its own thread, from {@link #start} until
 * {@link #close}, and keeps every answer that was not a 200 (no answer within the client's timeouts included). "Never
 * stopped answering" is then {@link #failures()} empty, and {@link #answered} shows the probe really ran through the
 * outage. Bounded: it stops by itself after {@link #LIMIT} even if never closed.
 */
final class UptimeProbe implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(100);
    static final Duration LIMIT = Duration.ofMinutes(3);

    private final Map<String, URI> airlines;
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "uptime-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final long stopAtNanos = System.nanoTime() + LIMIT.toNanos();

    private UptimeProbe(Map<String, URI> airlines) {
        this.airlines = Map.copyOf(airlines);
        airlines.keySet().forEach(a -> answered.put(a, new AtomicInteger()));
    }

    /** Starts probing each airline (by id) at its URI. */
    static UptimeProbe start(Map<String, URI> airlines) {
        UptimeProbe probe = new UptimeProbe(airlines);
        probe.timer.scheduleWithFixedDelay(probe::probeAll, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** How many 200s this airline gave so far. */
    int answered(String airline) {
        return answered.get(airline).get();
    }

    /** Every probe that got no 200, as "airline: what happened". */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void probeAll() {
        if (System.nanoTime() - stopAtNanos > 0) {
            timer.shutdown();
            return;
        }
        airlines.forEach((airline, uri) -> {
            try {
                int status = Customer.health(uri).status();
                if (status == 200) {
                    answered.get(airline).incrementAndGet();
                } else {
                    failures.add(airline + ": /saude answered " + status);
                }
            } catch (IOException e) {
                failures.add(airline + ": no answer to /saude (" + e + ")");
            }
        });
    }

    @Override
    public void close() {
        timer.shutdown(); // not shutdownNow: an interrupted request would read as a failure to answer
        try {
            timer.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
