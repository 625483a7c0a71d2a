package passcom.bench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: callers on any thread {@link #commit} a unit and wait; one writer thread takes everything
 * queued (up to {@code maxBatch}), appends each unit to its {@link Log}, makes the batch durable once, and
 * only then completes the callers' futures. One durable write (one fsync) per batch instead of per unit —
 * the technique of DeWitt et al., "Implementation Techniques for Main Memory Database Systems" (SIGMOD 1984).
 *
 * <p>A unit that fails alone is rolled back alone by the log (a savepoint) and its caller gets the failure;
 * the others still commit. A failure of the durable write itself fails every caller of the batch.
 *
 * @param <U> what one caller hands over: a piece of SQL, a log record
 */
final class GroupCommit<U> implements AutoCloseable {

    /** Where batches go. Called on the writer thread only. */
    interface Log<U> {
        void begin() throws Exception;

        /** Applies one unit inside the open batch; on failure undoes that unit only, then throws. */
        void append(U unit) throws Exception;

        /** Makes the batch durable; returns once it is. */
        void commit() throws Exception;

        /** Abandons the open batch after a failed {@link #commit}. */
        void rollback();
    }

    private record Pending<U>(U unit, CompletableFuture<Void> done) {}

    private final Log<U> log;
    private final int maxBatch;
    private final BlockingQueue<Pending<U>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final LongAdder batches = new LongAdder();
    private final LongAdder units = new LongAdder();
    private volatile boolean open = true;

    GroupCommit(Log<U> log, int maxBatch, String name) {
        this.log = log;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::writeBatches, name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues {@code unit} and returns once the batch that carried it is durable; throws what failed it. */
    void commit(U unit) throws Exception {
        if (!open) {
            throw new IllegalStateException("group commit is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending<>(unit, done));
        try {
            done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Mean units per durable write so far. */
    double meanBatch() {
        long b = batches.sum();
        return b == 0 ? 0 : (double) units.sum() / b;
    }

    private void writeBatches() {
        List<Pending<U>> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Pending<U> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeOne(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeOne(List<Pending<U>> batch) {
        Exception[] failures = new Exception[batch.size()];
        try {
            log.begin();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    log.append(batch.get(i).unit());
                } catch (Exception e) {
                    failures[i] = e;
                }
            }
            log.commit();
        } catch (Exception e) {
            log.rollback();
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        batches.increment();
        units.add(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] == null) {
                batch.get(i).done().complete(null);
            } else {
                batch.get(i).done().completeExceptionally(failures[i]);
            }
        }
    }

    /** Stops taking units, writes what is queued, and waits for the writer thread. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        writer.join(10_000);
    }
}
