package passcom.core.availability;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.route.plan.FreeSegmentPaths;
import passcom.core.time.Ticker;

/**
 * What this server knows of one airline's availability: the last snapshot with every delta after it, applied
 * in version order, and when the feed last spoke (docs/availability.md). A delta or heartbeat that does not
 * follow the version held is a gap: it is not applied, and the caller asks for a snapshot.
 *
 * <p>Thread-safe: the feed's thread applies messages, searches read {@link #state} (an immutable value).
 */
public final class AvailabilityImage {

    /**
     * One version of the image. {@code free} is immutable ({@link FreeSeats}: a delta's version shares the segments'
     * positions with the one before and copies only an array of counts). {@code paths} plans over the segments with a free seat; it is carried over from the
     * previous state when a change leaves that set as it was (the common sale: no segment's count crossed zero), so
     * its memo stays warm and the set is not rebuilt.
     */
    public record State(String base, long version, Money pricePer100Km, Map<Segment.Key, Integer> free, FreeSegmentPaths paths,
                        long heardNanos) {
    }

    private final String airline;
    private final BiFunction<Money, Set<Segment.Key>, FreeSegmentPaths> planner;
    private final Ticker ticker;
    private volatile State state;

    /** @param planner the airline's paths at a price over a set of free segments (its segments, k) */
    public AvailabilityImage(String airline, BiFunction<Money, Set<Segment.Key>, FreeSegmentPaths> planner, Ticker ticker) {
        this.airline = Objects.requireNonNull(airline, "airline");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    public String airline() {
        return airline;
    }

    /** The image now, or null before the first snapshot. */
    public State state() {
        return state;
    }

    /** Milliseconds since the feed last confirmed the image; {@link Long#MAX_VALUE} before the first snapshot. */
    public long ageMillis() {
        State current = state;
        return current == null ? Long.MAX_VALUE : (ticker.read() - current.heardNanos) / 1_000_000;
    }

    /**
     * Applies one message of the feed, on the feed's thread.
     *
     * @return false for a gap (another base, or not the next version): nothing applied, a snapshot is needed
     */
    public synchronized boolean apply(FeedMessage message) {
        State current = state;
        long now = ticker.read();
        if (message instanceof FeedMessage.Snapshot snapshot) {
            state = next(current, snapshot.base(), snapshot.version(), snapshot.pricePer100Km(), snapshot.free(), now);
            return true;
        }
        if (current == null || !current.base.equals(message.base())) {
            return false;
        }
        if (message instanceof FeedMessage.Heartbeat) {
            if (message.version() != current.version) {
                return false;
            }
            state = new State(current.base, current.version, current.pricePer100Km, current.free, current.paths, now);
            return true;
        }
        FeedMessage.Delta delta = (FeedMessage.Delta) message;
        if (delta.version() != current.version + 1) {
            return false;
        }
        FreeSeats free = freeSeats(current).with(delta.changed());
        boolean flips = delta.changed().entrySet().stream()
                .anyMatch(e -> (e.getValue() > 0) != (current.free.getOrDefault(e.getKey(), 0) > 0));
        state = flips ? next(current, delta.base(), delta.version(), current.pricePer100Km, free, now)
                : new State(current.base, delta.version(), current.pricePer100Km, free, current.paths, now);
        return true;
    }

    private static FreeSeats freeSeats(State state) {
        return state.free instanceof FreeSeats free ? free : FreeSeats.of(state.free);
    }

    private State next(State current, String base, long version, Money price, Map<Segment.Key, Integer> free, long now) {
        Set<Segment.Key> usable = withFreeSeats(free);
        boolean samePlan = current != null && current.pricePer100Km.equals(price) && current.paths.free().equals(usable);
        FreeSegmentPaths paths = samePlan ? current.paths : planner.apply(price, usable);
        return new State(base, version, price, free instanceof FreeSeats seats ? seats : FreeSeats.of(free), paths, now);
    }

    static Set<Segment.Key> withFreeSeats(Map<Segment.Key, Integer> free) {
        Set<Segment.Key> usable = new TreeSet<>();
        free.forEach((segment, seats) -> {
            if (seats > 0) {
                usable.add(segment);
            }
        });
        return usable;
    }
}
