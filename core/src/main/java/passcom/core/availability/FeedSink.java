package passcom.core.availability;

/**
 * Where a feed connection delivers an airline's messages: in order, on one thread at a time, until {@link #ended}.
 * Both methods must return quickly (they run on the transport's thread) and never throw.
 */
public interface FeedSink {

    void accept(FeedMessage message);

    /** The connection is over (the peer closed it, failed, fell silent, or it was closed): no more messages come. */
    void ended(Throwable cause);
}
