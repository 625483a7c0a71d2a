package passcom.server.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A full bulkhead queues callers while its peer answers, and refuses them at once once the peer has been silent. */
class BulkheadSilenceTest {

    private static final long TIMEOUT_MILLIS = 800;

    private final AtomicLong now = new AtomicLong();
    private final Bulkhead bulkhead = new Bulkhead(1, now::get);

    @Test
    void when_the_peer_has_answered_recently_then_a_call_past_the_limit_waits_for_the_place_freed_next() {
        assertThat(bulkhead.acquire(TIMEOUT_MILLIS)).isCompleted();

        CompletableFuture<Void> waiting = bulkhead.acquire(TIMEOUT_MILLIS);
        assertThat(waiting).isNotNull().isNotDone();

        bulkhead.release();
        assertThat(waiting).isCompleted();
        assertThat(bulkhead.available()).isZero();
    }

    @Test
    void when_the_peer_is_silent_past_the_window_then_a_call_past_the_limit_fails_at_once_until_it_answers_again() {
        assertThat(bulkhead.acquire(TIMEOUT_MILLIS)).isCompleted();

        now.addAndGet(Bulkhead.SILENT_NANOS + 1);
        assertThat(bulkhead.acquire(TIMEOUT_MILLIS)).as("silent for longer than the window").isNull();

        bulkhead.answered();
        assertThat(bulkhead.acquire(TIMEOUT_MILLIS)).as("answered again").isNotNull().isNotDone();
    }

    @Test
    void when_the_call_timeout_is_long_then_the_silence_window_is_half_of_it() {
        long timeoutMillis = 10_000;
        assertThat(bulkhead.acquire(timeoutMillis)).isCompleted();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(timeoutMillis / 2) - 1);
        assertThat(bulkhead.acquire(timeoutMillis)).as("silent for just under half the timeout").isNotNull();

        now.addAndGet(2);
        assertThat(bulkhead.acquire(timeoutMillis)).as("silent for just over half the timeout").isNull();
    }
}
