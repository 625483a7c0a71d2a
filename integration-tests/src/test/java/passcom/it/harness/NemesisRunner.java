package passcom.it.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import passcom.it.process.Customer;

/**
 * Plays a {@link FaultSchedule} against the {@link Federation}: one dispatching thread starts each fault at its
 * planned moment on a worker thread of its own (switched on, held, healed), so faults overlap as the schedule
 * says. Before a fault starts, the dispatcher waits until fewer than {@link HarnessConfig#overlap()} faults are
 * on and none holds a resource the fault needs ({@link FaultSchedule#resources}): the plan already keeps them
 * apart, this keeps them apart when a fault runs longer than planned (a slow start-up). A kill or a crash point
 * keeps the server's process until the relaunched server answers, so it is never paused while starting.
 *
 * <p>After every kill (and every crash point that halted its server) it measures the recovery: the
 * transactions the dead server took part in that were still open (read from its store and its peers' as the
 * server is relaunched) and the time from the relaunch until none of them is open in any store
 * ({@link Recovery}). A sample is disturbed when another fault was on at the relaunch or began before the
 * sample ended; it names those faults.
 */
final class NemesisRunner implements Runnable {

    /**
     * One relaunch: milliseconds from the launch to the first answer and until its open transactions were resolved
     * (-1: not within the limit); {@code disturbedBy} the other faults that were on meanwhile (empty: undisturbed).
     */
    record Recovery(String victims, int openTransactions, long servingMillis, long resolvedMillis, String disturbedBy) {
        boolean disturbed() {
            return !disturbedBy.isEmpty();
        }
    }

    /** A fault that began, with {@link System#nanoTime} at its start. */
    private record Begun(long id, long nanos, String description) {
    }

    static final long RECOVERY_LIMIT_MILLIS = 60_000;

    private final Federation federation;
    private final History history;
    private final List<FaultSchedule.Event> schedule;
    private final int overlap;
    private final Path scratch;
    private final Map<Nemesis, AtomicInteger> injected = new EnumMap<>(Nemesis.class);
    private final Map<String, AtomicInteger> variants = new ConcurrentHashMap<>();
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final List<Thread> measurements = new CopyOnWriteArrayList<>();
    private final Map<Long, String> active = new ConcurrentHashMap<>();
    private final List<Begun> begun = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    /** Guarded by {@code this}: the resources of the faults that are on, and how many are on. */
    private final Set<String> busy = new HashSet<>();
    private int running;
    private volatile boolean stopped;
    private final Thread thread = new Thread(this, "nemesis");

    NemesisRunner(Federation federation, History history, List<FaultSchedule.Event> schedule, int overlap, Path scratch) {
        this.federation = federation;
        this.history = history;
        this.schedule = schedule;
        this.overlap = Math.max(1, overlap);
        this.scratch = scratch;
        for (Nemesis n : Nemesis.values()) {
            injected.put(n, new AtomicInteger());
        }
    }

    void start() {
        thread.start();
    }

    /** Starts no more faults; each one on is healed (its sleeps end early) and its server relaunched; waits for them (bounded). */
    void stop() throws InterruptedException {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
        thread.join(60_000);
        for (Thread w : workers) {
            w.join(RECOVERY_LIMIT_MILLIS + 30_000);
        }
    }

    /** Waits (bounded) for the recovery measurements still running after {@link #stop}. */
    void awaitMeasurements() throws InterruptedException {
        long deadline = System.currentTimeMillis() + RECOVERY_LIMIT_MILLIS + 10_000;
        for (Thread m : measurements) {
            m.join(Math.max(1, deadline - System.currentTimeMillis()));
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
        long origin = System.nanoTime();
        for (FaultSchedule.Event event : schedule) {
            if (!sleep((origin + event.atMillis() * 1_000_000 - System.nanoTime()) / 1_000_000)) {
                return;
            }
            Set<String> needs = FaultSchedule.resources(event, federation::members);
            if (!acquire(needs)) {
                return;
            }
            Thread worker = new Thread(() -> {
                try {
                    apply(event);
                } catch (RuntimeException | AssertionError e) {
                    history.note("nemesis-error", passcom.api.Json.mapper().createObjectNode().put("event", event.toString()).put("error", e.toString()));
                } finally {
                    release(needs);
                }
            }, "nemesis-" + event.nemesis().option());
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Waits until the fault may start (a free slot, its resources free); false when the run is stopping. */
    private synchronized boolean acquire(Set<String> needs) {
        while (!stopped && (running >= overlap || !Collections.disjoint(busy, needs))) {
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (stopped) {
            return false;
        }
        busy.addAll(needs);
        running++;
        return true;
    }

    private synchronized void release(Set<String> needs) {
        busy.removeAll(needs);
        running--;
        notifyAll();
    }

    private void apply(FaultSchedule.Event event) {
        long id = ids.incrementAndGet();
        String description = event.nemesis().option() + " " + event.target() + (event.variant().isEmpty() ? "" : " " + event.variant());
        begun.add(new Begun(id, System.nanoTime(), description));
        active.put(id, description);
        try {
            applyFault(event, id);
        } finally {
            active.remove(id);
        }
    }

    private void applyFault(FaultSchedule.Event event, long id) {
        long start = history.now();
        boolean happened = true;
        switch (event.nemesis()) {
            case KILL -> {
                List<String> victims = federation.members(event.target());
                victims = victims.stream().filter(v -> !federation.isDown(v)).toList();
                federation.kill(victims);
                sleep(event.holdMillis());
                relaunchAndMeasure(victims, id);
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
                    relaunchAndMeasure(federation.members(event.target()).stream().filter(federation::isDown).toList(), id);
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
        }
        variants.computeIfAbsent(event.nemesis().option() + (event.variant().isEmpty() ? "" : " " + event.variant())
                + (event.target().equals("*") ? " (whole federation)" : "") + (happened ? "" : " (armed, not reached)"),
                k -> new AtomicInteger()).incrementAndGet();
        history.fault(new History.Fault(event.nemesis(), event.target(), event.variant() + (happened ? "" : " (not reached)"), start, history.now()));
    }

    /**
     * The open transactions the victims took part in (their own stores, read from copies since they are dead,
     * and what the live peers hold for them), then the relaunch, then a thread polling every store until none
     * of those is open. Returns once the victims answer (or the run is stopping, or the start-up limit passed), so
     * the fault keeps their processes until then.
     */
    private void relaunchAndMeasure(List<String> victims, long faultId) {
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
        Set<String> onAtLaunch = new TreeSet<>();
        active.forEach((id, description) -> {
            if (id != faultId) {
                onAtLaunch.add(description);
            }
        });
        Thread measurement = new Thread(() -> measure(String.join("+", victims), open, from, faultId, onAtLaunch), "recovery");
        measurement.setDaemon(true);
        measurements.add(measurement);
        measurement.start();
        long startUpDeadline = System.nanoTime() + RECOVERY_LIMIT_MILLIS * 1_000_000;
        while (!stopped && System.nanoTime() < startUpDeadline && !victims.stream().allMatch(this::answers)) {
            sleepQuietly(50);
        }
    }

    private void measure(String victims, Set<String> open, long from, long faultId, Set<String> onAtLaunch) {
        long deadline = from + RECOVERY_LIMIT_MILLIS * 1_000_000;
        long serving = -1;
        List<String> airlines = List.of(victims.split("\\+"));
        while (System.nanoTime() < deadline) {
            if (serving < 0 && airlines.stream().allMatch(this::answers)) {
                serving = (System.nanoTime() - from) / 1_000_000;
            }
            if (serving >= 0 && stillOpen(open).isEmpty()) {
                record(new Recovery(victims, open.size(), serving, (System.nanoTime() - from) / 1_000_000, disturbers(onAtLaunch, from, faultId)));
                return;
            }
            sleepQuietly(100);
        }
        record(new Recovery(victims, open.size(), serving, -1, disturbers(onAtLaunch, from, faultId)));
    }

    /** The other faults on at the relaunch, and those begun since: what may have slowed this sample down. */
    private String disturbers(Set<String> onAtLaunch, long from, long faultId) {
        Set<String> all = new TreeSet<>(onAtLaunch);
        begun.stream().filter(b -> b.id() != faultId && b.nanos() >= from).forEach(b -> all.add(b.description()));
        return String.join("; ", all);
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
