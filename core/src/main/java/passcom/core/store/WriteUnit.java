package passcom.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One caller's unit of work on its way through {@link SqliteStore}'s writer thread: queued, then run in a batch,
 * or abandoned by a caller whose deadline passed while it was still queued (it then never runs).
 */
final class WriteUnit<T> {

    /** How long a caller waits, past its deadline, for a batch its unit is already committing in. */
    static final Duration COMMIT_GRACE = Duration.ofSeconds(10);

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    private final Store.Work<T> work;
    private final boolean forced;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private T value;

    WriteUnit(Store.Work<T> work, boolean forced) {
        this.work = work;
        this.forced = forced;
    }

    /** Whether its caller waits for the fsync ({@link Store#write}) or only for the commit ({@link Store#writeUnforced}). */
    boolean forced() {
        return forced;
    }

    boolean start() {
        return state.compareAndSet(QUEUED, RUNNING);
    }

    void run(Connection connection) throws SQLException {
        value = work.run(connection);
    }

    void complete() {
        result.complete(value);
    }

    void fail(Throwable e) {
        result.completeExceptionally(e);
    }

    T await(Duration deadline) {
        try {
            try {
                return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(QUEUED, ABANDONED)) {
                    throw new StoreFailure("the store did not take the write within " + deadline.toMillis() + " ms", e);
                }
                // Started: its batch is committing. Its outcome must be known before answering anyone.
                return result.get(COMMIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            throw new StoreFailure("a store commit did not finish within " + (deadline.plus(COMMIT_GRACE)).toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.compareAndSet(QUEUED, ABANDONED);
            throw new StoreFailure("interrupted while waiting for the store", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreFailure("store operation failed: " + cause.getMessage(), cause);
        }
    }
}
