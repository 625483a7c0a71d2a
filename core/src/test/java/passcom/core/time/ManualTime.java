package passcom.core.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when code sleeps on it: a {@link Ticker} whose reading a {@link Sleeper#sleep} advances by
 * the duration asked, at once. Code that waits for a deadline on it runs its loop to the end without waiting in
 * real time, and the test reads how long that code believed it waited. Thread-safe.
 */
public final class ManualTime implements Ticker, Sleeper {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** How far time has moved since this was created. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }
}
