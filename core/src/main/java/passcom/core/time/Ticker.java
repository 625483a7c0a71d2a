package passcom.core.time;

/**
 * A source of elapsed nanoseconds, for deadlines and timeouts (as Caffeine's {@code Ticker}): code that waits
 * or times out reads it instead of {@link System#nanoTime}, so a test moves time instead of sleeping.
 * Only differences between two readings mean anything. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds since some fixed, arbitrary origin. */
    long read();

    /** The JVM's monotonic clock. */
    static Ticker system() {
        return System::nanoTime;
    }
}
