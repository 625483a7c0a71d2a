package passcom.core.availability;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import passcom.core.route.Segment;

/**
 * One version's free seats per segment, as an immutable map that a delta derives the next version from cheaply:
 * the segments and their positions are fixed by the snapshot and shared by every version after it, and each
 * version holds only an array of counts. Applying a delta copies that array (a few kilobytes on a 5,000-city
 * network) and writes the changed counts, instead of copying a hash map of every segment. Searches keep reading
 * an immutable value ({@link AvailabilityImage.State}).
 *
 * <p>Immutable, so thread-safe. Equal to any map with the same entries.
 */
final class FreeSeats extends AbstractMap<Segment.Key, Integer> {

    /** Segment → its position in {@link #seats}; shared, never changed after construction. */
    private final Map<Segment.Key, Integer> positions;
    private final Segment.Key[] segments;
    private final int[] seats;

    private FreeSeats(Map<Segment.Key, Integer> positions, Segment.Key[] segments, int[] seats) {
        this.positions = positions;
        this.segments = segments;
        this.seats = seats;
    }

    /** Every segment's count, as a snapshot gives them. */
    static FreeSeats of(Map<Segment.Key, Integer> free) {
        Map<Segment.Key, Integer> positions = new HashMap<>(free.size() * 2);
        Segment.Key[] segments = new Segment.Key[free.size()];
        int[] seats = new int[free.size()];
        int next = 0;
        for (Map.Entry<Segment.Key, Integer> entry : free.entrySet()) {
            positions.put(entry.getKey(), next);
            segments[next] = entry.getKey();
            seats[next] = entry.getValue();
            next++;
        }
        return new FreeSeats(positions, segments, seats);
    }

    /** These counts with {@code changed} written over them; a segment not seen before rebuilds the positions. */
    FreeSeats with(Map<Segment.Key, Integer> changed) {
        int[] next = seats.clone();
        for (Map.Entry<Segment.Key, Integer> entry : changed.entrySet()) {
            Integer position = positions.get(entry.getKey());
            if (position == null) {
                Map<Segment.Key, Integer> merged = new HashMap<>(this);
                merged.putAll(changed);
                return of(merged);
            }
            next[position] = entry.getValue();
        }
        return new FreeSeats(positions, segments, next);
    }

    @Override
    public Integer get(Object segment) {
        Integer position = positions.get(segment);
        return position == null ? null : seats[position];
    }

    @Override
    public Integer getOrDefault(Object segment, Integer otherwise) {
        Integer position = positions.get(segment);
        return position == null ? otherwise : Integer.valueOf(seats[position]);
    }

    @Override
    public boolean containsKey(Object segment) {
        return positions.containsKey(segment);
    }

    @Override
    public int size() {
        return seats.length;
    }

    @Override
    public Set<Map.Entry<Segment.Key, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Segment.Key, Integer>> iterator() {
                return new Iterator<>() {
                    private int at;

                    @Override
                    public boolean hasNext() {
                        return at < seats.length;
                    }

                    @Override
                    public Map.Entry<Segment.Key, Integer> next() {
                        if (at >= seats.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<Segment.Key, Integer> entry = new SimpleImmutableEntry<>(segments[at], seats[at]);
                        at++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return seats.length;
            }
        };
    }
}
