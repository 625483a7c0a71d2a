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
