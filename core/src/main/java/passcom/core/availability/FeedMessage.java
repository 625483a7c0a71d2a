package passcom.core.availability;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import passcom.core.money.Money;
import passcom.core.route.Segment;

/**
 * One message of an airline's availability feed (docs/availability.md). Every message names the publisher's
 * {@code base}: a fresh id each time the publisher starts, so that versions from before a restart are never
 * mistaken for later ones. Versions of one base increase by exactly one per {@link Delta}.
 */
public sealed interface FeedMessage {

    /** The publisher run these versions belong to. */
    String base();

    /** The version the airline's availability has after this message. */
    long version();

    /**
     * Every segment the airline flies, with its free seats (capacity minus held and sold) at {@code version}, and
     * its price per 100 km (a server started with another price than the network file's says so here).
     */
    record Snapshot(String base, long version, Money pricePer100Km, Map<Segment.Key, Integer> free) implements FeedMessage {
        public Snapshot {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(pricePer100Km, "pricePer100Km");
            free = Collections.unmodifiableMap(new TreeMap<>(free));
        }
    }

    /** The segments whose free seats changed from {@code version - 1} to {@code version}, with their new counts. */
    record Delta(String base, long version, Map<Segment.Key, Integer> changed) implements FeedMessage {
        public Delta {
            Objects.requireNonNull(base, "base");
            changed = Collections.unmodifiableMap(new TreeMap<>(changed));
        }
    }

    /** Nothing changed: still {@code version}, read from the store within the last {@link AvailabilityPublisher#HEARTBEAT}s. */
    record Heartbeat(String base, long version) implements FeedMessage {
        public Heartbeat {
            Objects.requireNonNull(base, "base");
        }
    }
}
