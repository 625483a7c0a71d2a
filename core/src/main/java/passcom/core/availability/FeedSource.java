package passcom.core.availability;

/**
 * How an airline's feed is reached: over signed HTTP (server-webapp's server-sent events) or in the same process.
 * Core owns it, as it owns {@code AirlinePort}.
 */
@FunctionalInterface
public interface FeedSource {

    /** Subscribes; returns at once. The first message {@code sink} gets is a snapshot. */
    FeedConnection open(FeedSink sink);
}
