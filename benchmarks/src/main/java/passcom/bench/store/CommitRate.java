package passcom.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Durable commits per second of each storage candidate, at 1, 8 and 32 concurrent writers, for a
 * transaction shaped like a seat hold ({@link Shape}). Each cell is a fresh store in a fresh folder, a
 * warm-up, then a fixed measured time; a commit counts if it started and ended inside the measured time.
 * Prints one table row per cell; asserts nothing.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar passcom.bench.store.CommitRate \
 *     [--engines sqlite-wal-full,sqlite-group-commit,postgresql,h2,append-only-file] [--writers 1,8,32]
 *     [--shapes hold,three] [--seconds 5] [--warmup 1] [--dir /tmp]
 * </pre>
 *
 * PostgreSQL is measured only if {@code PASSCOM_TEST_PG_URL} names a server (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=passcom}). Data files go under {@code --dir}
 * (default: java.io.tmpdir), which should be on the disk being judged: fsync cost is the disk's.
 */
public final class CommitRate {

    private record Cell(Engine engine, Shape shape, int writers) {}

    private record Result(Cell cell, double perSecond, double p50, double p99, double max, long errors,
            long allCommits, String note) {}

    private CommitRate() {}

    public static void main(String[] args) throws Exception {
        List<Engine> engines = list(option(args, "--engines", "sqlite-wal-full,sqlite-group-commit,postgresql,h2,append-only-file"))
                .stream().map(Engine::byLabel).toList();
        List<Integer> writerCounts = list(option(args, "--writers", "1,8,32")).stream().map(Integer::valueOf).toList();
        List<Shape> shapes = list(option(args, "--shapes", "hold,three")).stream().map(Shape::byLabel).toList();
        double seconds = Double.parseDouble(option(args, "--seconds", "5"));
        double warmup = Double.parseDouble(option(args, "--warmup", "1"));
        Path base = Path.of(option(args, "--dir", System.getProperty("java.io.tmpdir")));
        String pgUrl = System.getenv("PASSCOM_TEST_PG_URL");

        System.out.printf("%-20s %-6s %7s %10s %8s %8s %8s %6s %9s  %s%n",
                "engine", "shape", "writers", "commits/s", "p50 ms", "p99 ms", "max ms", "errors", "all", "note");
        for (Engine engine : engines) {
            if (engine == Engine.POSTGRESQL && (pgUrl == null || pgUrl.isBlank())) {
                System.out.println("postgresql: skipped, PASSCOM_TEST_PG_URL is not set");
                continue;
            }
            for (Shape shape : shapes) {
                for (int writers : writerCounts) {
                    Result result = measure(new Cell(engine, shape, writers), base, pgUrl, warmup, seconds);
                    print(result);
                }
            }
        }
    }

    private static Result measure(Cell cell, Path base, String pgUrl, double warmup, double seconds) throws Exception {
        Path dir = Files.createTempDirectory(base, "passcom-commit-rate-");
        try (Candidate candidate = cell.engine().open(dir, cell.shape(), pgUrl)) {
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmup * 1e9);
            long measureTo = measureFrom + (long) (seconds * 1e9);
            AtomicLong nextTxn = new AtomicLong();
            LongAdder errors = new LongAdder();
            LongAdder all = new LongAdder();
            List<Latencies> latencies = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < cell.writers(); w++) {
                Latencies mine = new Latencies();
                latencies.add(mine);
                Candidate.Writer writer = candidate.writer();
                Thread thread = new Thread(() -> write(writer, nextTxn, measureFrom, measureTo, mine, errors, all), "writer-" + w);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            Latencies merged = Latencies.merge(latencies);
            return new Result(cell, merged.size() / seconds, merged.quantileMillis(0.50), merged.quantileMillis(0.99),
                    merged.quantileMillis(1.0), errors.sum(), all.sum(), candidate.note());
        } finally {
            deleteTree(dir);
        }
    }

    /** One writer's loop until the end of the measured time; a failed commit is counted, not retried. */
    private static void write(Candidate.Writer writer, AtomicLong nextTxn, long measureFrom, long measureTo,
            Latencies latencies, LongAdder errors, LongAdder all) {
        try (writer) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (true) {
                long begin = System.nanoTime();
                if (begin >= measureTo) {
                    return;
                }
                try {
                    writer.commit(nextTxn.incrementAndGet(), random.nextInt(Shape.SEGMENTS));
                } catch (Exception e) {
                    errors.increment();
                    continue;
                }
                long end = System.nanoTime();
                all.increment();
                if (begin >= measureFrom && end <= measureTo) {
                    latencies.add(end - begin);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("closing a writer failed", e);
        }
    }

    private static void print(Result r) {
        System.out.printf("%-20s %-6s %7d %10.0f %8.2f %8.2f %8.1f %6d %9d  %s%n", r.cell().engine().label(),
                r.cell().shape().label(), r.cell().writers(), r.perSecond(), r.p50(), r.p99(), r.max(), r.errors(),
                r.allCommits(), r.note());
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static List<String> list(String csv) {
        return Stream.of(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
