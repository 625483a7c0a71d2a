package passcom.core.availability;

/** An open subscription to an airline's feed; {@link #close} ends it (its sink then hears nothing more that matters). */
@FunctionalInterface
public interface FeedConnection extends AutoCloseable {

    /** Idempotent; never throws. */
    @Override
    void close();
}
