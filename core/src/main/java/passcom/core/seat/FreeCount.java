package passcom.core.seat;

import java.util.HashMap;
import java.util.Map;
import passcom.core.route.Segment;

/**
 * A segment's free seats as one revision of its counters left them. Every write of a segment's counters moves its
 * {@code revision} by one in the same transaction ({@link SeatInventory}), so of two counts of one segment the one
 * with the higher revision is the newer, whichever thread reported it first (docs/availability.md).
 */
public record FreeCount(int seats, long revision) {

    /** The newer of two counts of one segment. */
    public static FreeCount newer(FreeCount a, FreeCount b) {
        return b.revision > a.revision ? b : a;
    }

    /** Counts that never change (benchmarks and tests of the feed): each at revision 0. */
    public static Map<Segment.Key, FreeCount> fixed(Map<Segment.Key, Integer> seats) {
        Map<Segment.Key, FreeCount> counts = new HashMap<>();
        seats.forEach((segment, free) -> counts.put(segment, new FreeCount(free, 0)));
        return counts;
    }
}
