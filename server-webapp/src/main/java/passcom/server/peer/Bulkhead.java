package passcom.server.peer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import passcom.core.time.Ticker;

/**
 * At most {@code permits} calls of one kind to one peer at a time. A call past the limit waits for a place
 * (without a thread) while the peer is answering — a live airline that is merely busy, as in a burst of
 * buyers, is worth queueing for — but fails at once when the peer has answered nothing for
 * {@link #SILENT_NANOS}: a paused or dead airline must not collect waiting callers, each of which holds a
 * customer request. A waiter gives up at its own deadline. "Silent" is relative to the call: a peer
 * that has answered nothing for half the call's timeout (at least {@link #SILENT_NANOS}) would not answer
 * this call in time either; a shorter threshold turned an fsync stall of a busy but live airline (on a
 * loaded machine) into refusals. Silence is read on the injected {@link Ticker}, so a test moves time past it.
 */
final class Bulkhead {

    /** The least silence after which calls past the limit fail at once. */
    static final long SILENT_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);
    /** Waiting calls beyond this fail at once whatever the peer does, so a queue cannot grow without bound. */
    static final int MAX_WAITING = 1_024;

    private final int permits;
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private final Ticker ticker;
    private int inUse;
    private volatile long lastAnswerNanos;

    Bulkhead(int permits, Ticker ticker) {
        this.permits = permits;
        this.ticker = ticker;
        this.lastAnswerNanos = ticker.read();
    }

    /**
     * A place, now or once one frees up before {@code timeoutMillis}; null when the call must fail at once
     * (the peer is silent, or too many wait already).
     */
    synchronized CompletableFuture<Void> acquire(long timeoutMillis) {
        if (inUse < permits) {
            inUse++;
            return CompletableFuture.completedFuture(null);
        }
        long silentNanos = Math.max(SILENT_NANOS, TimeUnit.MILLISECONDS.toNanos(timeoutMillis) / 2);
        if (ticker.read() - lastAnswerNanos > silentNanos || waiting.size() >= MAX_WAITING) {
            return null;
        }
        CompletableFuture<Void> place = new CompletableFuture<>();
        waiting.add(place);
        place.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        return place;
    }

    /** A call ended: its place goes to the first caller still waiting, or back to the pool. */
    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            do {
                next = waiting.poll();
            } while (next != null && next.isDone()); // gave up waiting
            if (next == null) {
                inUse--;
                return;
            }
        }
        if (!next.complete(null)) {
            release(); // timed out between the poll and now: pass the place on
        }
    }

    /** The peer answered (any status): it is alive, so a full bulkhead is worth waiting for. */
    void answered() {
        lastAnswerNanos = ticker.read();
    }

    synchronized int available() {
        return permits - inUse;
    }
}
