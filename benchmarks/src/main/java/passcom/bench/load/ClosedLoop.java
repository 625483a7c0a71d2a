package passcom.bench.load;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * {@code clients} customers, each a thread with its own keep-alive connections, sending the next request
 * as soon as the last is answered, for a warm-up and then a measured time.
 *
 * <p>Coordinated omission: a closed loop sends nothing while a request is stalled, so the requests that
 * would have been sent meanwhile (and waited) are missing from the raw latencies. The measured histogram
 * is corrected with HdrHistogram's {@code copyCorrectedForCoordinatedOmission}: every latency longer than
 * the expected interval between one client's requests back-fills the samples a steady client would have
 * recorded. The expected interval is the median latency of the warm-up at the same client count (what a
 * client waits between two sends when nothing stalls). Both the corrected and the raw p99 are reported.
 */
final class ClosedLoop {

    /** A status that is not HTTP: the connection failed or timed out (30 s) before an answer. */
    static final int NO_ANSWER = -1;

    record Outcome(int clients, double seconds, long requests, Histogram corrected, Histogram raw, long expectedIntervalMicros,
                   Map<Integer, Long> statuses, Map<Integer, Long> warmupStatuses, Map<String, Long> maxRssKb, long serverCpuMillis, String loadBefore, String loadAfter) {

        double perSecond() {
            return requests / seconds;
        }

        /** Server CPU milliseconds per request over the measured time, or -1 if unknown. */
        double cpuMillisPerRequest() {
            return serverCpuMillis < 0 || requests == 0 ? -1 : (double) serverCpuMillis / requests;
        }

        long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        /** Answers with this status during the warm-up and the measured time together. */
        long countWithWarmup(int status) {
            return count(status) + warmupStatuses.getOrDefault(status, 0L);
        }
    }

    private final List<URI> servers;
    private final Workload workload;
    private final ServerMemory memory;

    ClosedLoop(List<URI> servers, Workload workload, ServerMemory memory) {
        this.servers = servers;
        this.workload = workload;
        this.memory = memory;
    }

    Outcome run(int clients, long warmupMillis, long durationMillis) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(durationMillis);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> warmupStatuses = new ConcurrentHashMap<>();
        List<Histogram> warmups = new ArrayList<>();
        List<Histogram> measured = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Histogram warm = histogram();
            Histogram hist = histogram();
            warmups.add(warm);
            measured.add(hist);
            long seed = 31L * i + clients;
            Thread thread = new Thread(() -> client(seed, measureFrom, end, warm, hist, statuses, warmupStatuses), "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        String loadBefore = MachineInfo.loadAverage();
        threads.forEach(Thread::start);
        Map<String, Long> rss = new TreeMap<>();
        long cpuBefore = -1;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(250, TimeUnit.NANOSECONDS.toMillis(Math.max(measureFrom, end) - System.nanoTime()))));
            if (System.nanoTime() >= measureFrom) {
                if (cpuBefore < 0) {
                    cpuBefore = memory.cpuMillis();
                }
                memory.sample(rss);
            }
        }
        long cpuAfter = memory.cpuMillis();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        }
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        String loadAfter = MachineInfo.loadAverage();
        Histogram warm = histogram();
        warmups.forEach(warm::add);
        Histogram raw = histogram();
        measured.forEach(raw::add);
        long expected = Math.max(1, warm.getTotalCount() > 0 ? warm.getValueAtPercentile(50) : raw.getValueAtPercentile(50));
        Histogram corrected = raw.copyCorrectedForCoordinatedOmission(expected);
        return new Outcome(clients, seconds, raw.getTotalCount(), corrected, raw, expected, sums(statuses), sums(warmupStatuses), rss,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, loadBefore, loadAfter);
    }

    private static Map<Integer, Long> sums(Map<Integer, LongAdder> adders) {
        Map<Integer, Long> counts = new TreeMap<>();
        adders.forEach((status, n) -> counts.put(status, n.sum()));
        return counts;
    }

    /** Latencies in microseconds, up to 60 s, 3 significant digits. */
    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    }

    private void client(long seed, long measureFrom, long end, Histogram warm, Histogram hist, Map<Integer, LongAdder> statuses,
                        Map<Integer, LongAdder> warmupStatuses) {
        Random random = new Random(seed);
        KeepAliveConnection[] connections = new KeepAliveConnection[servers.size()];
        try {
            while (true) {
                Workload.Request request = workload.next(random);
                KeepAliveConnection connection = connections[request.server()];
                if (connection == null) {
                    connection = connections[request.server()] = new KeepAliveConnection(servers.get(request.server()));
                }
                long sent = System.nanoTime();
                if (sent >= end) {
                    return;
                }
                int status;
                try {
                    status = request.isPurchase() ? connection.postJson(request.pathAndQuery(), request.jsonBody())
                            : connection.get(request.pathAndQuery());
                } catch (IOException e) {
                    connection.close();
                    status = NO_ANSWER;
                }
                long micros = Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent), TimeUnit.SECONDS.toMicros(60));
                if (sent < measureFrom) {
                    warm.recordValue(micros);
                    warmupStatuses.computeIfAbsent(status, st -> new LongAdder()).increment();
                } else {
                    hist.recordValue(micros);
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
            }
        } finally {
            for (KeepAliveConnection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }
}
