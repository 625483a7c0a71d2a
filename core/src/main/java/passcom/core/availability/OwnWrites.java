package passcom.core.availability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import passcom.core.route.Segment;
import passcom.core.time.Ticker;

/**
 * Read-your-writes (docs/availability.md): seats this server has just sold or given back, applied over its images
 * until their feeds catch up, so a customer who bought here never sees the availability from before their purchase.
 *
 * <p>A sale records the free seats the image showed before the purchase started, minus the seats bought: a search
 * shows at most that many until the image itself shows as few (the feed has caught up) or {@link #LIFETIME} has
 * passed (longer than a silent feed may stay in use). A cancellation records at least the image's count plus the
 * seats given back, the same way. Only bounds that change whether a segment has a free seat change a search.
 *
 * <p>Thread-safe; few entries live at once (one per leg bought here in the last moments).
 */
public final class OwnWrites {

    static final Duration LIFETIME = ImageFeed.SILENCE_LIMIT;

    /** Free seats of {@code segment} on {@code airline}: at most {@code seats} (a sale), or at least (a cancellation). */
    private record Bound(String airline, Segment.Key segment, int seats, boolean atMost, long untilNanos) {
        boolean metBy(int imageSeats) {
            return atMost ? imageSeats <= seats : imageSeats >= seats;
        }
    }

    private final Ticker ticker;
    private final List<Bound> bounds = new CopyOnWriteArrayList<>();

    public OwnWrites(Ticker ticker) {
        this.ticker = ticker;
    }

    /**
     * A sale of {@code seats} on a segment whose image showed {@code before} free seats when the purchase began. Only a
     * sale that may have taken the last seats is kept: a bound of "at most n > 0 free" can never hide a segment, so
     * keeping it would only grow the list (with no search to drop it, a purchase-only load grew it without end).
     */
    public void sold(String airline, Segment.Key segment, int before, int seats) {
        long now = ticker.read();
        dropExpired(now);
        if (before - seats <= 0) {
            bounds.add(new Bound(airline, segment, before - seats, true, now + LIFETIME.toNanos()));
        }
    }

    /** {@code seats} given back on a segment whose image shows {@code now} free seats. */
    public void freed(String airline, Segment.Key segment, int now, int seats) {
        long at = ticker.read();
        dropExpired(at);
        bounds.add(new Bound(airline, segment, now + seats, false, at + LIFETIME.toNanos()));
    }

    /** Bounds this server holds now (tests). */
    int size() {
        return bounds.size();
    }

    private void dropExpired(long now) {
        if (!bounds.isEmpty()) {
            bounds.removeIf(bound -> now - bound.untilNanos > 0);
        }
    }

    /**
     * The segments of {@code airline} whose "has a free seat" differs from {@code image}'s once this server's own
     * writes are applied, with the count they have then; empty in the common case. Drops the bounds met or expired.
     */
    public Map<Segment.Key, Integer> overrides(String airline, Map<Segment.Key, Integer> image) {
        if (bounds.isEmpty()) {
            return Map.of();
        }
        long now = ticker.read();
        List<Bound> spent = new ArrayList<>();
        Map<Segment.Key, Integer> changed = new HashMap<>();
        for (Bound bound : bounds) {
            if (now - bound.untilNanos > 0) {
                spent.add(bound);
                continue;
            }
            if (!bound.airline.equals(airline)) {
                continue;
            }
            int seats = changed.getOrDefault(bound.segment, image.getOrDefault(bound.segment, 0));
            if (bound.metBy(image.getOrDefault(bound.segment, 0))) {
                spent.add(bound);
            } else {
                changed.put(bound.segment, bound.atMost ? Math.min(seats, bound.seats) : Math.max(seats, bound.seats));
            }
        }
        bounds.removeAll(spent);
        changed.entrySet().removeIf(e -> (e.getValue() > 0) == (image.getOrDefault(e.getKey(), 0) > 0));
        return changed;
    }
}
