package passcom.core.route;

import java.util.Objects;

/**
 * A directed flight segment between two cities, with its distance. Every airline that flies it flies the
 * same distance; airlines differ in price and seats. Identity is (origin, destination): km is a fact of
 * the network, not part of the key.
 */
public record Segment(String origin, String destination, int km) implements Comparable<Segment> {

    public Segment {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        if (origin.equals(destination)) {
            throw new IllegalArgumentException("segment from " + origin + " to itself");
        }
        if (km <= 0) {
            throw new IllegalArgumentException("non-positive distance " + km + " on " + origin + " → " + destination);
        }
    }

    public Key key() {
        return new Key(origin, destination);
    }

    @Override
    public int compareTo(Segment o) {
        return key().compareTo(o.key());
    }

    @Override
    public String toString() {
        return origin + " → " + destination + " (" + km + " km)";
    }

    /** Names a segment without its distance: how requests and stores refer to one. */
    public record Key(String origin, String destination) implements Comparable<Key> {
        public Key {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(destination, "destination");
        }

        /**
         * Written out, with the value the record's own would give: a record's generated equals and hashCode go
         * through method handles that the servers' C1-only JIT does not inline, and every image, offer and leg
         * lookup hashes keys (a third of a 12-airline merge's time on 1,000 cities).
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && origin.equals(that.origin) && destination.equals(that.destination);
        }

        @Override
        public int hashCode() {
            return 31 * origin.hashCode() + destination.hashCode();
        }

        @Override
        public int compareTo(Key o) {
            int c = origin.compareTo(o.origin);
            return c != 0 ? c : destination.compareTo(o.destination);
        }

        @Override
        public String toString() {
            return origin + " → " + destination;
        }
    }
}
