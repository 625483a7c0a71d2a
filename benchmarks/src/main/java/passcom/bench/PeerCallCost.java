package passcom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import passcom.api.Json;
import passcom.core.txn.AirlinePort;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;
import passcom.server.auth.FederationSigner;
import passcom.server.peer.AbortMessage;
import passcom.server.peer.FederationPaths;
import passcom.server.peer.HttpAirlinePort;
import passcom.server.peer.PeerHttpClient;

/**
 * CPU per signed peer call, JDK {@link HttpClient} against Jetty's ({@link PeerHttpClient}), against a real server (airline A)
 * in this JVM. Each variant makes the same signed calls (HMAC of method, path, query and body with a fresh
 * nonce, as {@link HttpAirlinePort} signs them) from a few caller threads that wait for each answer; the
 * variants run back to back, interleaved, several rounds, so they share the machine's conditions.
 *
 * <p>What is counted, per call: the whole process's CPU (user + system, {@code /proc/self/stat}), and the
 * part of it spent on the server's threads ({@code jetty-A-*}) and on all other threads (the client, its
 * selector and executor, the callers), from {@link ThreadMXBean} (threads that ended during a round are
 * missing from the split, not from the total), plus the threads started. Prints numbers, asserts nothing.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar passcom.bench.PeerCallCost --calls 20000 --rounds 5 --callers 4
 * flags: --call ping|abort  --variants jdk,jdk-direct,jetty,port  --calls N  --rounds R  --callers T  --pause-ms P
 * </pre>
 *
 * <p>The server remembers every nonce of the signature window, at most {@code ReplayGuard.DEFAULT_CAPACITY}
 * (200,000), and answers 503 past that: more than about 3,000 calls a second for a minute fill it. So that
 * no round measures such fast refusals, failed calls are printed, and {@code --pause-ms} waits after each
 * variant's run.
 *
 * <p>Variants: {@code jdk} is the peers' former client (JDK HttpClient, HTTP/1.1, 4 executor threads),
 * {@code jdk-direct} the same with a direct executor (no executor hand-off), {@code jetty} the peers' client
 * now, {@code port} the whole {@link HttpAirlinePort} on it.
 */
public final class PeerCallCost {

    private static final String SENDER = "B";
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** One way of sending a signed call and waiting for its status. */
    private interface Caller extends AutoCloseable {
        CompletableFuture<Integer> call(String method, String pathAndQuery, byte[] body);

        @Override
        void close() throws Exception;
    }

    private record Result(String variant, long calls, long wallNanos, long processCpuNanos, long serverCpuNanos,
                          long otherCpuNanos, long threadsStarted, long contextSwitches) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = CommandLine.flags(args);
        String callKind = flags.getOrDefault("call", "ping");
        List<String> variants = Arrays.asList(flags.getOrDefault("variants", "jdk,jdk-direct,jetty,port").split(","));
        int calls = Integer.parseInt(flags.getOrDefault("calls", "20000"));
        int rounds = Integer.parseInt(flags.getOrDefault("rounds", "5"));
        int callers = Integer.parseInt(flags.getOrDefault("callers", "4"));
        long pauseMillis = Long.parseLong(flags.getOrDefault("pause-ms", "0"));

        Path dataDir = Files.createTempDirectory("peer-call-cost");
        FederationSigner signer = new FederationSigner(ServerConfig.DEV_SECRET, Clock.systemUTC(), Duration.ofSeconds(30));
        try (PasscomServer server = PasscomServer.create(ServerConfig.forTest("A", dataDir)).start()) {
            URI base = server.uri();
            Map<String, Caller> callersByVariant = new LinkedHashMap<>();
            for (String variant : variants) {
                callersByVariant.put(variant, caller(variant, base, signer));
            }
            System.out.printf("call %s, %d calls per round and variant, %d caller threads, %d rounds (round 0 is warm-up), %d cores%n",
                    callKind, calls, callers, rounds, Runtime.getRuntime().availableProcessors());
            System.out.println("round variant        calls  wall_ms  proc_us/call  server_us/call  other_us/call  switches/call  threads_started  loadavg");
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, Caller> entry : callersByVariant.entrySet()) {
                    Result r = run(entry.getKey(), entry.getValue(), callKind, round == 0 ? calls / 2 : calls, callers);
                    System.out.printf("%5d %-12s %7d %8d %13.1f %15.1f %14.1f %14.1f %16d  %s%n", round, r.variant(), r.calls(),
                            r.wallNanos() / 1_000_000, perCall(r.processCpuNanos(), r), perCall(r.serverCpuNanos(), r),
                            perCall(r.otherCpuNanos(), r), (double) r.contextSwitches() / r.calls(), r.threadsStarted(), loadAverage());
                    if (round > 0) {
                        results.computeIfAbsent(r.variant(), v -> new ArrayList<>()).add(r);
                    }
                    Thread.sleep(pauseMillis);
                }
            }
            System.out.println("median over rounds 1.." + rounds + ", µs of CPU per call: variant  process  server-threads  other-threads"
                    + "  (and context switches per call)");
            results.forEach((variant, list) -> System.out.printf("  %-12s %8.1f %8.1f %8.1f   (%.1f)%n", variant,
                    median(list, Result::processCpuNanos), median(list, Result::serverCpuNanos), median(list, Result::otherCpuNanos),
                    median(list, Result::contextSwitches) * 1000));
            for (Caller caller : callersByVariant.values()) {
                caller.close();
            }
        }
    }

    private static Caller caller(String variant, URI base, FederationSigner signer) {
        return switch (variant) {
            case "jdk" -> jdk(base, signer, false);
            case "jdk-direct" -> jdk(base, signer, true);
            case "jetty" -> jetty(base, signer);
            case "port" -> port(base, signer);
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    /** As PasscomServer configured the peer client: HTTP/1.1, 4 daemon threads, the request built as HttpAirlinePort built it. */
    private static Caller jdk(URI base, FederationSigner signer, boolean direct) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("peer-http-jdk"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(direct ? Runnable::run : executor).build();
        String root = base.toString().replaceAll("/+$", "");
        return new Caller() {
            @Override
            public CompletableFuture<Integer> call(String method, String pathAndQuery, byte[] body) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                        .timeout(Duration.ofSeconds(3))
                        .header("Content-Type", "application/json")
                        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                signer.sign(SENDER, method, pathAndQuery, body).forEach(request::header);
                return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(HttpResponse::statusCode);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }

    /** The peers' client today ({@link PeerHttpClient}: Jetty 12's, 4 threads), the same request. */
    private static Caller jetty(URI base, FederationSigner signer) {
        PeerHttpClient client = new PeerHttpClient("peer-http-jetty", Duration.ofSeconds(2), 4);
        String root = base.toString().replaceAll("/+$", "");
        return new Caller() {
            @Override
            public CompletableFuture<Integer> call(String method, String pathAndQuery, byte[] body) {
                Map<String, String> headers = new LinkedHashMap<>(signer.sign(SENDER, method, pathAndQuery, body));
                headers.put("Content-Type", "application/json");
                return client.send(method, URI.create(root + pathAndQuery), headers, body, Duration.ofSeconds(3))
                        .thenApply(PeerHttpClient.Answer::status);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** The production port with the production client: ping or abort through HttpAirlinePort (bulkhead, failover, JSON). */
    private static Caller port(URI base, FederationSigner signer) {
        PeerHttpClient client = new PeerHttpClient("peer-http-port", Duration.ofSeconds(2), 4);
        AirlinePort port = new HttpAirlinePort("A", List.of(base), SENDER, client, signer, Duration.ofSeconds(2), Duration.ofSeconds(3),
                HttpAirlinePort.Limits.DEFAULT);
        return new Caller() {
            @Override
            public CompletableFuture<Integer> call(String method, String pathAndQuery, byte[] body) {
                CompletableFuture<Void> done = pathAndQuery.startsWith(FederationPaths.ABORT)
                        ? port.abort(new passcom.core.txn.TxnId(abortedTxn(body))) : port.ping();
                return done.thenApply(v -> 200);
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static final AtomicLong TXN = new AtomicLong();

    private static String abortedTxn(byte[] body) {
        try {
            return Json.mapper().readValue(body, AbortMessage.class).idTransacao();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result run(String variant, Caller caller, String callKind, int calls, int callerThreads) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicInteger left = new AtomicInteger(calls);
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Long, Long> before = threadCpu(mx);
        long startedBefore = mx.getTotalStartedThreadCount();
        long switchesBefore = contextSwitches();
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < callerThreads; t++) {
            Thread thread = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        int status = caller.call(callKind.equals("abort") ? "POST" : "GET", pathOf(callKind), bodyOf(callKind)).get(10, TimeUnit.SECONDS);
                        if (status != 200) {
                            failed.incrementAndGet();
                            failures.computeIfAbsent("status " + status, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        String what = cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage());
                        failures.computeIfAbsent(what.length() > 120 ? what.substring(0, 120) : what, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }, "caller-" + t);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long wall = System.nanoTime() - wallBefore;
        long cpu = processCpuNanos() - cpuBefore;
        long started = mx.getTotalStartedThreadCount() - startedBefore;
        long switches = contextSwitches() - switchesBefore;
        Map<Long, Long> after = threadCpu(mx);
        long server = 0;
        long other = 0;
        for (ThreadInfo info : mx.getThreadInfo(after.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) {
                continue;
            }
            long used = after.get(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L);
            if (info.getThreadName().startsWith("jetty-A")) {
                server += used;
            } else {
                other += used;
            }
        }
        if (failed.get() > 0) {
            System.out.println("  " + variant + ": " + failed.get() + " calls failed " + failures);
        }
        return new Result(variant, calls, wall, cpu, server, other, started, switches);
    }

    private static String pathOf(String callKind) {
        return switch (callKind) {
            case "ping" -> FederationPaths.PING;
            case "abort" -> FederationPaths.ABORT;
            default -> throw new IllegalArgumentException("--call ping|abort");
        };
    }

    /** An abort of a transaction A never heard of: a POST with a body, answered 200 (presumed abort). */
    private static byte[] bodyOf(String callKind) {
        if (!callKind.equals("abort")) {
            return new byte[0];
        }
        try {
            return Json.mapper().writeValueAsBytes(new AbortMessage("peer-call-cost-" + TXN.incrementAndGet()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Long, Long> threadCpu(ThreadMXBean mx) {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long nanos = mx.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** utime + stime of this process, fields 14 and 15 of /proc/self/stat (after the command's closing parenthesis). */
    private static long processCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }

    /**
     * Voluntary and involuntary context switches of this process's live threads ({@code /proc/self/task/}*{@code /status}):
     * each hand-off from one thread to another costs at least one. Threads that ended are missing.
     */
    private static long contextSwitches() throws IOException {
        long total = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException ended) {
                    // the thread ended while we read
                }
            }
        }
        return total;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double perCall(long nanos, Result r) {
        return nanos / 1000.0 / r.calls();
    }

    private static double median(List<Result> list, java.util.function.ToLongFunction<Result> field) {
        double[] values = list.stream().mapToDouble(r -> perCall(field.applyAsLong(r), r)).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
