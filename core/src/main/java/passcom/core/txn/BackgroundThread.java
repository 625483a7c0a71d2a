package passcom.core.txn;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread that runs a periodic pass and the work handed to it, in order. Closing it
 * waits for the task in progress, so the store it writes to can be closed safely afterwards.
 */
final class BackgroundThread implements Executor, AutoCloseable {

    private final ScheduledExecutorService thread;

    BackgroundThread(String name) {
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void every(long initialDelayMillis, long periodMillis, Runnable pass) {
        thread.scheduleWithFixedDelay(pass, initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} on this thread; after {@link #close} it is dropped (the periodic pass catches up at the next start). */
    @Override
    public void execute(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closed) {
            // closing: nothing more runs
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
