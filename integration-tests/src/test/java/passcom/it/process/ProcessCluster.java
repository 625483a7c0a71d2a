package passcom.it.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import passcom.it.FreePorts;

/**
 * A federation of airline servers, each a separate JVM started as the launcher starts one ({@link ServerJvm}: the
 * server jar, the launcher's JVM options and class-data archive) on 127.0.0.1 with its own port and SQLite store
 * under a temporary folder. {@link #kill} is {@code kill -9} (SIGKILL on Linux): no
 * shutdown hook runs, nothing is flushed, so only what the server made durable survives. {@link #restart}
 * brings the airline back on the same port and store. Each process's output is appended to
 * {@code <root>/<airline>.log}; a failure to start shows its tail.
 *
 * <p>For the fault harness ({@code passcom.it.harness}): {@link Options#faultSwitches} starts every server with
 * {@code -Dpasscom.faults.dir=<root>/<airline>-faults} (crash points and store faults, armed by files there);
 * {@link Options#peerRoute} sends each server-to-server link through a URL of the harness's choosing (its
 * link proxies); {@link #signal} sends SIGSTOP / SIGCONT; {@link Options#airlineOf} runs several servers (by
 * name, e.g. {@code A1}, {@code A2}) as instances of one airline. Every method's {@code airline} is a server's name.
 */
public final class ProcessCluster implements AirlineEndpoints, AutoCloseable {

    /**
     * How the servers are launched beyond the defaults.
     *
     * @param faultSwitches start each server with its fault-switch directory ({@link #faultsDir})
     * @param peerRoute     the URL server {@code from} uses for peer {@code to}; null: the peer's own URL
     * @param airlineOf     the airline id a server runs as: several servers of one airline are its instances
     *                      (on one PostgreSQL database, given in {@code extraFlags}), and every other airline's
     *                      server lists each of them as a peer URL of that airline, as docs/operations.md does
     * @param extraFlags    further server flags per server (such as {@code --db-url})
     */
    public record Options(boolean faultSwitches, BiFunction<String, String, URI> peerRoute, Function<String, String> airlineOf,
                          Function<String, List<String>> extraFlags) {
        public static final Options DEFAULT = new Options(false, null);

        /** Every server its own airline (the server's name is the airline id), on its own SQLite store. */
        public Options(boolean faultSwitches, BiFunction<String, String, URI> peerRoute) {
            this(faultSwitches, peerRoute, server -> server, server -> List.of());
        }
    }

    /** Short protocol limits so a scenario settles in seconds; passed to every server as flags. */
    private static final List<String> TIMING = List.of(
            "--peer-timeout", "2s", "--search-timeout", "1s", "--stale-hold", "1s", "--retry-backoff", "100ms",
            "--metrics-port", "0"); // any free admin port: a federation running on this machine keeps 9433-9435
    /**
     * After the launcher's own options ({@link ServerJvm}), so these win: a larger heap than the product's 128 MB,
     * as these tests always gave their servers; C1 only and the serial collector, as the launcher does anyway.
     */
    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    // 60 s, not 30: with four other builds on two cores (load average 40) a server JVM took over 30 s to answer.
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);
    private static final Duration QUIET_DEADLINE = Duration.ofSeconds(40);

    private final Path root;
    private final Path network;
    private final String secret;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** Kills the servers if the test JVM exits without {@link #close} (e.g. a failsafe timeout), so none outlives it. */
    private final Thread orphanGuard = new Thread(this::killAll, "process-cluster-orphan-guard");
    private final Options options;

    private ProcessCluster(Path root, Path network, String secret, Options options) {
        this.root = root;
        this.network = network;
        this.secret = secret;
        this.options = options;
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    /** Starts every airline in parallel and returns once each answers {@code GET /saude}. */
    static ProcessCluster start(Path root, Path network, String... airlines) {
        ProcessCluster cluster = unstarted(root, network, airlines);
        try {
            for (String airline : airlines) {
                cluster.launch(airline);
            }
            for (String airline : airlines) {
                cluster.awaitServing(airline);
            }
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** A federation with its ports chosen and nothing running yet: {@link #launch} starts each airline. */
    static ProcessCluster unstarted(Path root, Path network, String... airlines) {
        return unstarted(root, network, Options.DEFAULT, airlines);
    }

    public static ProcessCluster unstarted(Path root, Path network, Options options, String... airlines) {
        ProcessCluster cluster = new ProcessCluster(root, network, "process-it-" + System.nanoTime(), options);
        for (String airline : airlines) {
            cluster.ports.put(airline, FreePorts.next());
        }
        return cluster;
    }

    @Override
    public URI uri(String airline) {
        return ClusterTls.scheme(URI.create("http://127.0.0.1:" + ports.get(airline)));
    }

    @Override
    public List<String> airlines() {
        return List.copyOf(ports.keySet());
    }

    /** The federation secret every server was given (the harness signs its own peer calls with it). */
    public String secret() {
        return secret;
    }

    /** Where the harness arms this airline's crash points and store faults (see {@code CrashPoints}, {@code StoreFaults}). */
    public Path faultsDir(String airline) {
        return root.resolve(airline + "-faults");
    }

    /** The airline's data directory (its SQLite store {@code passcom.db}). */
    public Path dataDir(String airline) {
        return root.resolve(airline);
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to the airline's process; false when it is not running. */
    public boolean signal(String airline, String signal) {
        Process process;
        synchronized (this) {
            process = processes.get(airline);
        }
        if (process == null || !process.isAlive()) {
            return false;
        }
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process of a server that exited by itself (a crash point halted it) is forgotten, so it can be launched again. */
    public synchronized boolean reapIfExited(String airline) {
        Process process = processes.get(airline);
        if (process != null && !process.isAlive()) {
            processes.remove(airline);
            return true;
        }
        return false;
    }

    public synchronized boolean isRunning(String airline) {
        Process process = processes.get(airline);
        return process != null && process.isAlive();
    }

    /** kill -9: the process gets no chance to finish anything; returns once it has exited. */
    public void kill(String airline) {
        Process process;
        synchronized (this) {
            process = processes.remove(airline);
        }
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(process, airline);
    }

    /** Asks one airline to stop (SIGTERM: graceful) and returns once it has exited. */
    public void stop(String airline) {
        Process process;
        synchronized (this) {
            process = processes.remove(airline);
        }
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                awaitExit(process, airline);
                throw new AssertionError("airline " + airline + " did not stop within " + STOP_DEADLINE + " of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * kill -9 of every named airline at once: every SIGKILL is sent before the first exit is awaited, so none of
     * them sees another die first. Returns once all have exited.
     */
    public void killTogether(List<String> airlines) {
        List<Process> victims = new ArrayList<>();
        synchronized (this) {
            airlines.forEach(a -> {
                Process process = processes.remove(a);
                if (process != null) {
                    victims.add(process);
                }
            });
        }
        victims.forEach(Process::destroyForcibly);
        victims.forEach(p -> awaitExit(p, "pid " + p.pid()));
    }

    /**
     * Launches the airline again on its port and store without waiting for it to serve; returns the
     * {@link System#nanoTime} just before the process was created (what a time-to-quiet is measured from).
     */
    public long launchAgain(String airline) {
        if (isRunning(airline)) {
            throw new IllegalStateException(airline + " is still running");
        }
        long launched = System.nanoTime();
        launch(airline);
        return launched;
    }

    public Path root() {
        return root;
    }

    /** Starts the airline again on its port and store; returns once it answers. */
    void restart(String airline) {
        if (isRunning(airline)) {
            throw new IllegalStateException(airline + " is still running");
        }
        launch(airline);
        awaitServing(airline);
    }

    /** Waits until every airline holds no seat and has no transaction left to decide or deliver. */
    public void awaitQuiet() {
        try {
            await("every hold decided and every decision delivered on " + airlines(), QUIET_DEADLINE,
                    () -> airlines().stream().allMatch(this::isQuiet));
        } catch (AssertionError e) {
            StringBuilder state = new StringBuilder(e.getMessage());
            for (String a : airlines()) {
                state.append("\n---- ").append(a).append(" /saude: ").append(healthText(a))
                        .append("\n").append(logProblems(a, 20));
            }
            throw new AssertionError(state.toString(), e);
        }
    }

    /** {@code /saude} answers 200 with no seat held and no transaction left to decide or deliver. */
    public boolean isQuiet(String airline) {
        try {
            Customer.Reply health = Customer.health(uri(airline));
            return health.status() == 200
                    && health.json().path("reservas_abertas").asLong(-1) == 0
                    && health.json().path("transacoes_pendentes").asLong(-1) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public String healthText(String airline) {
        try {
            return Customer.health(uri(airline)).json().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    public String logTail(String airline, int lines) {
        try {
            List<String> all = Files.readAllLines(log(airline), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The log's WARN and ERROR lines (the first few), where a failure to settle usually explains itself. */
    public String logProblems(String airline, int lines) {
        try {
            return String.join("\n", Files.readAllLines(log(airline), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"))
                    .limit(lines).toList());
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path log(String airline) {
        return root.resolve(airline + ".log");
    }

    /** Starts the airline's process on its port and store and returns at once, before it answers. */
    public void launch(String airline) {
        List<String> jvmFlags = new ArrayList<>(JVM_FLAGS);
        if (options.faultSwitches()) {
            try {
                Files.createDirectories(faultsDir(airline));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jvmFlags.add("-Dpasscom.faults.dir=" + faultsDir(airline));
        }
        List<String> command = new ArrayList<>(ServerJvm.command(jvmFlags));
        command.addAll(List.of("--airline", options.airlineOf().apply(airline), "--port", String.valueOf(ports.get(airline)),
                "--data-dir", root.resolve(airline).toString(), "--network", network.toString(), "--secret", secret,
                // the crash campaigns and the fault harness list bookings by CPF, the original contract (docs/security.md)
                // they test recovery, not abuse: one address sends every customer's requests
                "--acesso-aberto", "--rate-limits", "off"));
        command.addAll(options.extraFlags().apply(airline));
        String self = options.airlineOf().apply(airline);
        command.addAll(ClusterTls.flags(self));
        String peers = ports.keySet().stream().filter(id -> !options.airlineOf().apply(id).equals(self))
                .map(id -> options.airlineOf().apply(id) + "=" + (options.peerRoute() == null ? uri(id)
                        : ClusterTls.scheme(options.peerRoute().apply(airline, id))))
                .collect(Collectors.joining(","));
        if (!peers.isEmpty()) {
            command.addAll(List.of("--peer", peers));
        }
        command.addAll(TIMING);
        try {
            Files.writeString(log(airline), "---- start " + Instant.now() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(airline).toFile()))
                    .start();
            synchronized (this) {
                processes.put(airline, process);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start airline " + airline, e);
        }
    }

    /** Waits (at most {@code START_DEADLINE}, 60 s) until the airline answers {@code GET /saude} with 200. */
    public void awaitServing(String airline) {
        try {
            Awaitility.await("airline " + airline + " serving").atMost(START_DEADLINE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> answersHealth(airline));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("airline " + airline + " did not answer /saude within " + START_DEADLINE
                    + "; log:\n" + logTail(airline, 40), e);
        }
    }

    /** Whether {@code GET /saude} answers 200; a server that exited fails the wait at once. */
    private boolean answersHealth(String airline) {
        if (!isRunning(airline)) {
            throw new AssertionError("airline " + airline + " exited while starting; log:\n" + logTail(airline, 40));
        }
        try {
            return Customer.health(uri(airline)).status() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    private static void awaitExit(Process process, String airline) {
        try {
            if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("airline " + airline + " did not exit within " + STOP_DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void await(String what, Duration limit, BooleanSupplier condition) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    /**
     * Lets real time pass where the time itself is the point: a load phase's length, a kill's delay, a fault's hold.
     * Not for waiting on a condition ({@link #await}). An interrupt fails the test.
     */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }


    private synchronized void killAll() {
        processes.values().forEach(Process::destroyForcibly);
    }

    /** Asks every process to stop (SIGTERM: graceful), then kills whatever is still running at the deadline. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(orphanGuard);
        } catch (IllegalStateException shuttingDown) {
            // the guard is running or about to: it kills the processes
        }
        List<Process> running;
        synchronized (this) {
            running = new ArrayList<>(processes.values());
            processes.clear();
        }
        running.forEach(Process::destroy);
        CompletableFuture<?>[] exits = running.stream().map(Process::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            running.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
            running.forEach(p -> awaitExit(p, "pid " + p.pid()));
        }
    }
}
