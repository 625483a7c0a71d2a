package passcom.core.seat;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;
import passcom.core.route.Segment;

/**
 * One leg's seats as its airline holds them at one moment: capacity, and the numbers taken (held by a
 * purchase still being decided, or sold). Every other number in 1..capacity is free. A snapshot: by the
 * time a customer chooses, a seat may be taken, which the purchase then refuses by name.
 */
public record SeatMap(String airline, Segment.Key segment, int capacity, SortedSet<Integer> taken) {

    public SeatMap {
        taken = Collections.unmodifiableSortedSet(new TreeSet<>(taken));
        if (!taken.isEmpty() && (taken.first() < 1 || taken.last() > capacity)) {
            throw new IllegalArgumentException("taken seats " + taken + " outside 1.." + capacity + " on " + segment);
        }
    }

    public int free() {
        return capacity - taken.size();
    }

    public boolean isFree(int seat) {
        return seat >= 1 && seat <= capacity && !taken.contains(seat);
    }
}
