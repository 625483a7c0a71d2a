package passcom.core.time;

import java.time.Duration;

/**
 * Waits: code that pauses between tries (a retry's backoff, a poll) calls it instead of {@link Thread#sleep},
 * so a test can move its {@link Ticker} instead of waiting in real time. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Returns after {@code duration} (or at once for a test's sleeper). @throws InterruptedException as Thread.sleep */
    void sleep(Duration duration) throws InterruptedException;

    /** Real time: {@link Thread#sleep}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
