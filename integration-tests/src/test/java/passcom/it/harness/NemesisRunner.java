package passcom.it.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import passcom.it.process.Customer;

/**
 * Plays a {@link FaultSchedule} against the {@link Federation} on its own thread: each fault switched on,
 * held, healed, then the gap to the next. After every kill (and every crash point that halted its server)
 * it measures the recovery: the transactions the dead server took part in that were still open (read from
 * its store and its peers' as the server is relaunched) and the time from the relaunch until none of them is
 * open in any store ({@link Recovery}). A sample is "disturbed" when another fault began before it ended.
 */
final class NemesisRunner implements Runnable {

    /** One relaunch: milliseconds from the launch to the first answer and until its open transactions were resolved (-1: not within the limit). */
    record Recovery(String victims, int openTransactions, long servingMillis, long resolvedMillis, boolean disturbed) {
    }

    static final long RECOVERY_LIMIT_MILLIS = 60_000;

    private final Federation federation;
    private final History history;
    private final List<FaultSchedule.Event> schedule;
    private final Path scratch;
    private final Map<Nemesis, AtomicInteger> injected = new EnumMap<>(Nemesis.class);
    private final Map<String, AtomicInteger> variants = new ConcurrentHashMap<>();
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private final List<Thread> measurements = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile long faultsBegun;
    private final Thread thread = new Thread(this, "nemesis");

    NemesisRunner(Federation federation, History history, List<FaultSchedule.Event> schedule, Path scratch) {
        this.federation = federation;
        this.history = history;
        this.schedule = schedule;
        this.scratch = scratch;
        for (Nemesis n : Nemesis.values()) {
            injected.put(n, new AtomicInteger());
        }
    }

    void start() {
        thread.start();
    }

    /** Stops after the current fault's heal; then waits (bounded) for the recovery measurements. */
    void stop() throws InterruptedException {
        stopped = true;
        thread.join(60_000);
        for (Thread m : measurements) {
            m.join(RECOVERY_LIMIT_MILLIS + 10_000);
        }
    }

    Map<Nemesis, AtomicInteger> injected() {
        return injected;
    }

    Map<String, AtomicInteger> variants() {
        return variants;
    }

    List<Recovery> recoveries() {
        return recoveries;
    }

    @Override
    public void run() {
        for (FaultSchedule.Event event : schedule) {
            if (!sleep(event.gapMillis())) {
                return;
            }
            try {
                apply(event);
            } catch (RuntimeException | AssertionError e) {
                history.note("nemesis-error", passcom.api.Json.mapper().createObjectNode().put("event", event.toString()).put("error", e.toString()));
            }
        }
    }

    private void apply(FaultSchedule.Event event) {
        faultsBegun++;
        long start = history.now();
        boolean happened = true;
        switch (event.nemesis()) {
            case KILL -> {
                List<String> victims = federation.members(event.target());
                victims = victims.stream().filter(v -> !federation.isDown(v)).toList();
                federation.kill(victims);
                sleep(event.holdMillis());
                relaunchAndMeasure(victims);
            }
            case PAUSE -> {
                federation.pause(event.target());
                sleep(event.holdMillis());
                federation.resume(event.target());
            }
            case PARTITION -> {
                federation.partition(event.target(), LinkProxy.Mode.valueOf(event.variant()), event.delayMillis());
                sleep(event.holdMillis());
                federation.healLinks();
            }
            case CRASH_POINT -> {
                federation.armCrashPoint(event.target(), event.variant());
                long deadline = System.currentTimeMillis() + event.holdMillis();
                boolean halted = false;
                while (!stopped && System.currentTimeMillis() < deadline && !(halted = federation.exitedByItself(event.target()))) {
                    sleep(50);
                }
                federation.clearSwitches(event.target());
                halted = halted || federation.exitedByItself(event.target());
                happened = halted;
                if (halted) {
                    sleep(event.delayMillis());
                    relaunchAndMeasure(federation.members(event.target()).stream().filter(federation::isDown).toList());
                }
            }
            case STORE_FAULT -> {
                federation.storeFault(event.target(), event.variant());
                sleep(event.holdMillis());
                federation.clearSwitches(event.target());
            }
        }
        if (happened) {
            injected.get(event.nemesis()).incrementAndGet();
            variants.computeIfAbsent(event.nemesis().option() + (event.variant().isEmpty() ? "" : " " + event.variant())
                    + (event.target().equals("*") ? " (whole federation)" : ""), k -> new AtomicInteger()).incrementAndGet();
        }
        history.fault(new History.Fault(event.nemesis(), event.target(), event.variant() + (happened ? "" : " (not reached)"), start, history.now()));
    }

    /**
     * The open transactions the victims took part in (their own stores, read from copies since they are dead,
     * and what the live peers hold for them), then the relaunch, then a thread polling every store until none
     * of those is open.
     */
    private void relaunchAndMeasure(List<String> victims) {
        if (victims.isEmpty()) {
            return;
        }
        Set<String> open = new HashSet<>();
        for (String airline : federation.airlines()) {
            try {
                if (victims.stream().map(federation::airlineOf).anyMatch(airline::equals)) {
                    String copy = federation.storeCopyUrl(airline, scratch.resolve("recovery-" + airline));
                    open.addAll(StoreState.openTransactions(copy, false, null));
                } else {
                    for (String victim : victims) {
                        open.addAll(StoreState.openTransactions(liveUrl(airline), true, federation.airlineOf(victim)));
                    }
                }
            } catch (RuntimeException e) {
                history.note("recovery-read-error", passcom.api.Json.mapper().createObjectNode().put("airline", airline).put("error", e.toString()));
            }
        }
        Map<String, Long> launched = new java.util.LinkedHashMap<>();
        victims.forEach(v -> launched.put(v, federation.relaunch(v)));
        long from = launched.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long faultsAtLaunch = faultsBegun;
        Thread measurement = new Thread(() -> measure(String.join("+", victims), open, from, faultsAtLaunch), "recovery");
        measurement.setDaemon(true);
        measurements.add(measurement);
        measurement.start();
    }

    private void measure(String victims, Set<String> open, long from, long faultsAtLaunch) {
        long deadline = from + RECOVERY_LIMIT_MILLIS * 1_000_000;
        long serving = -1;
        List<String> airlines = List.of(victims.split("\\+"));
        while (System.nanoTime() < deadline) {
            if (serving < 0 && airlines.stream().allMatch(this::answers)) {
                serving = (System.nanoTime() - from) / 1_000_000;
            }
            if (serving >= 0 && stillOpen(open).isEmpty()) {
                record(new Recovery(victims, open.size(), serving, (System.nanoTime() - from) / 1_000_000, faultsBegun != faultsAtLaunch));
                return;
            }
            sleepQuietly(100);
        }
        record(new Recovery(victims, open.size(), serving, -1, faultsBegun != faultsAtLaunch));
    }

    /** Kept in memory for the result and written to the history at once, so a run that dies still has its samples. */
    private void record(Recovery recovery) {
        recoveries.add(recovery);
        history.note("recovery", passcom.api.Json.mapper().valueToTree(recovery));
    }

    private Set<String> stillOpen(Set<String> open) {
        if (open.isEmpty()) {
            return open;
        }
        Set<String> still = new HashSet<>();
        for (String airline : federation.airlines()) {
            try {
                Set<String> here = StoreState.openTransactions(liveUrl(airline), true, null);
                here.retainAll(open);
                still.addAll(here);
            } catch (RuntimeException notReadable) {
                return open; // a store being opened or migrated: ask again
            }
        }
        return still;
    }

    private boolean answers(String airline) {
        try {
            return Customer.health(federation.uri(airline)).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String liveUrl(String airline) {
        return federation.liveStoreUrl(airline);
    }

    /** Sleeps in short steps; false when the run is stopping. */
    private boolean sleep(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!stopped && System.currentTimeMillis() < end) {
            sleepQuietly(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
        }
        return !stopped;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
