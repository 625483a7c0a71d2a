package passcom.core.route.plan;

import java.util.Objects;

/**
 * A trip asked for, by its origin and destination city names: the key of what is remembered per trip
 * ({@link FreeSegmentPaths}' answers, the merges and answers kept in a {@link SameInputsMemo}). A route query makes one
 * and looks it up once per airline and per memo. Not a record and not a list: their hashCode and equals run through
 * invokedynamic or interface calls, which under C1 (the launcher's compiler) cost more than the look-ups they key;
 * here the hash is computed once. Immutable.
 */
public final class Trip {

    private final String origin;
    private final String destination;
    private final int hash;

    public Trip(String origin, String destination) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.hash = 31 * origin.hashCode() + destination.hashCode();
    }

    public String origin() {
        return origin;
    }

    public String destination() {
        return destination;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Trip trip && hash == trip.hash && origin.equals(trip.origin) && destination.equals(trip.destination);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return origin + "→" + destination;
    }
}
