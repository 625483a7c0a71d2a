package passcom.client.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls {@code GET /saude} on every configured server, all in parallel, every few seconds, and reports a
 * status per airline. When the connected server is down and another is up, it fails the client over at
 * once, so the customer is moved before the next call would have to discover it.
 *
 * <p>Polls run on one daemon thread; listeners are called there, not on the event thread.
 */
public final class HealthMonitor implements AutoCloseable {

    private final PasscomClient client;
    private final List<Consumer<Map<ServerEndpoint, ServerStatus>>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "passcom-health");
        thread.setDaemon(true);
        return thread;
    });

    public HealthMonitor(PasscomClient client) {
        this.client = client;
    }

    public void addListener(Consumer<Map<ServerEndpoint, ServerStatus>> listener) {
        listeners.add(listener);
    }

    public void start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::pollQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Polls once soon on the monitor's thread, e.g. so a new window gets its dots without waiting a period. */
    public void pollOnceLater() {
        timer.execute(this::pollQuietly);
    }

    /** A scheduled task that throws is never run again: one bad round must not stop the dots. */
    private void pollQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            System.getLogger(HealthMonitor.class.getName()).log(System.Logger.Level.WARNING, "health poll failed", e);
        }
    }

    /** One round: asks every server, waits for all (each bounded by the client's health timeout), reports. */
    public Map<ServerEndpoint, ServerStatus> pollOnce() {
        Map<ServerEndpoint, CompletableFuture<ServerStatus>> pending = new LinkedHashMap<>();
        for (ServerEndpoint server : client.servers()) {
            pending.put(server, client.answersHealth(server).thenApply(up -> up ? ServerStatus.UP : ServerStatus.DOWN));
        }
        Map<ServerEndpoint, ServerStatus> statuses = new LinkedHashMap<>();
        pending.forEach((server, status) -> statuses.put(server, status.join()));
        ServerEndpoint current = client.connected();
        if (statuses.get(current) == ServerStatus.DOWN) {
            statuses.entrySet().stream()
                    .filter(e -> e.getValue() == ServerStatus.UP)
                    .findFirst()
                    .ifPresent(up -> client.failOver(current, up.getKey()));
        }
        Map<ServerEndpoint, ServerStatus> snapshot = Collections.unmodifiableMap(statuses);
        listeners.forEach(listener -> listener.accept(snapshot));
        return snapshot;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
