package passcom.core.seat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;
import passcom.core.store.Store;

/**
 * What one airline's seats look like now, each answer one read of its own on committed data (never inside a
 * caller's transaction: {@link SeatInventory} changes the seats). Route searches, seat maps, ticket listings,
 * health and the invariant checks read here.
 */
public final class SeatAvailability {

    /** A sold seat, as the invariant checks and the per-airline ticket listing see it. */
    public record SoldSeat(Segment.Key segment, int number, String reference, String cpf) {
    }

    private final Store store;

    public SeatAvailability(Store store) {
        this.store = store;
    }

    /**
     * The seats of {@code segment} taken now (held or sold) and its capacity; empty when this airline does not
     * fly it. One index range scan of the taken seats, whatever the capacity.
     */
    public Optional<SeatMap> seatMap(String airline, Segment.Key segment) {
        return store.read(connection -> {
            int capacity;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT capacity FROM segment_stock WHERE origin = ? AND destination = ?")) {
                select.setString(1, segment.origin());
                select.setString(2, segment.destination());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<SeatMap>empty();
                    }
                    capacity = row.getInt(1);
                }
            }
            SortedSet<Integer> taken = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT number FROM seat WHERE origin = ? AND destination = ? AND number <= ?")) {
                select.setString(1, segment.origin());
                select.setString(2, segment.destination());
                select.setInt(3, capacity);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        taken.add(rows.getInt(1));
                    }
                }
            }
            return Optional.of(new SeatMap(airline, segment, capacity, taken));
        });
    }

    /** Segments with at least one free seat: what route searches may use. One row per segment, whatever the capacity. */
    public Set<Segment.Key> segmentsWithFreeSeats() {
        return store.read(connection -> {
            Set<Segment.Key> keys = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, destination FROM segment_stock WHERE held + sold < capacity");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(new Segment.Key(rows.getString(1), rows.getString(2)));
                }
            }
            return keys;
        });
    }

    /**
     * Free seats (capacity minus held and sold) of every segment this airline flies, from the counters, each with its
     * revision: the availability feed's full read.
     */
    public Map<Segment.Key, FreeCount> freeSeats() {
        return store.read(connection -> {
            Map<Segment.Key, FreeCount> free = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, destination, capacity - held - sold, revision FROM segment_stock");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    free.put(new Segment.Key(rows.getString(1), rows.getString(2)),
                            new FreeCount(Math.max(0, rows.getInt(3)), rows.getLong(4)));
                }
            }
            return free;
        });
    }

    /** Seats per state on every segment this airline flies, from the counters. */
    public Map<Segment.Key, SeatInventory.Count> counts() {
        return store.read(connection -> {
            Map<Segment.Key, SeatInventory.Count> counts = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, destination, capacity, held, sold FROM segment_stock");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int held = rows.getInt(4);
                    int sold = rows.getInt(5);
                    counts.put(new Segment.Key(rows.getString(1), rows.getString(2)),
                            new SeatInventory.Count(Math.max(0, rows.getInt(3) - held - sold), held, sold));
                }
            }
            return counts;
        });
    }

    /**
     * Seats per state counted from the seat rows themselves, not the counters (invariant checks: the two
     * must agree, and the seats given back plus those taken must be exactly 1..next_number-1).
     */
    public Map<Segment.Key, SeatInventory.Count> recount() {
        return store.read(connection -> {
            Map<Segment.Key, int[]> tally = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT s.origin, s.destination, s.capacity, s.next_number, "
                            + "(SELECT COUNT(*) FROM seat t WHERE t.origin = s.origin AND t.destination = s.destination AND t.state = 'HELD'), "
                            + "(SELECT COUNT(*) FROM seat t WHERE t.origin = s.origin AND t.destination = s.destination AND t.state = 'SOLD'), "
                            + "(SELECT COUNT(*) FROM free_seat f WHERE f.origin = s.origin AND f.destination = s.destination) "
                            + "FROM segment_stock s");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int used = rows.getInt(4) - 1;
                    int held = rows.getInt(5);
                    int sold = rows.getInt(6);
                    int givenBack = rows.getInt(7);
                    if (held + sold + givenBack != used) {
                        throw new IllegalStateException("segment " + rows.getString(1) + " → " + rows.getString(2) + ": " + used
                                + " seat numbers handed out but " + held + " held + " + sold + " sold + " + givenBack + " given back");
                    }
                    tally.put(new Segment.Key(rows.getString(1), rows.getString(2)), new int[] {rows.getInt(3) - held - sold, held, sold});
                }
            }
            Map<Segment.Key, SeatInventory.Count> counts = new TreeMap<>();
            tally.forEach((k, t) -> counts.put(k, new SeatInventory.Count(t[0], t[1], t[2])));
            return counts;
        });
    }

    /** The seats sold to passenger {@code cpf} (this airline's part of their tickets). */
    public List<SoldSeat> soldSeats(Cpf cpf) {
        return sold(" AND cpf = ?", cpf.digits());
    }

    /** Every sold seat (invariant checks: they must be exactly the active bookings' legs). */
    public List<SoldSeat> allSoldSeats() {
        return sold("", null);
    }

    private List<SoldSeat> sold(String cpfFilter, String cpf) {
        return store.read(connection -> {
            List<SoldSeat> seats = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, destination, number, reference, cpf FROM seat WHERE state = 'SOLD'" + cpfFilter
                            + " ORDER BY reference, origin, destination")) {
                if (cpf != null) {
                    select.setString(1, cpf);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seats.add(new SoldSeat(new Segment.Key(rows.getString(1), rows.getString(2)), rows.getInt(3),
                                rows.getString(4), rows.getString(5)));
                    }
                }
            }
            return seats;
        });
    }
}
