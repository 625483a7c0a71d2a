package passcom.server.http;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.MDC;

/**
 * One airline server's Jetty threads ({@code jetty-A-...}), each with the airline's id in its MDC from its start
 * for its whole life: every thread of the pool serves that one airline (tests run several servers in one JVM,
 * each with its own pool), so the id is put once per thread instead of once per request. What varies per
 * request, the transaction id, is {@link LogContextFilter}'s. Thread-safe.
 */
public final class AirlineThreadPool extends QueuedThreadPool {

    /** The MDC key of the airline id (the log pattern's {@code %X{airline}}). */
    public static final String AIRLINE = "airline";

    private final String airline;

    public AirlineThreadPool(String airline, int maxThreads, int minThreads) {
        super(maxThreads, minThreads);
        this.airline = airline;
        setName("jetty-" + airline);
    }

    @Override
    public Thread newThread(Runnable runnable) {
        return super.newThread(() -> {
            MDC.put(AIRLINE, airline);
            runnable.run();
        });
    }
}
