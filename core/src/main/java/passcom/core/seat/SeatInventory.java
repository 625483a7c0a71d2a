package passcom.core.seat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import passcom.core.route.Airline;
import passcom.core.route.Segment;
import passcom.core.store.Dialect;

/**
 * One airline's seats. A segment is one {@code segment_stock} row of counters (capacity, held, sold, the
 * next never-used seat number); only taken seats have a {@code seat} row, and seats given back wait in
 * {@code free_seat}. So a network of any capacity is created in O(segments), availability is read in
 * O(segments), and taking the lowest free seat is an index seek, not a scan of the segment's seats.
 *
 * <p>One convention about connections: every method takes the caller's connection and joins its local
 * transaction, so a seat change commits together with the participation state that records it; nothing here
 * opens a transaction of its own (reads of their own are {@link SeatAvailability}'s). On PostgreSQL the
 * segment row is locked first ({@link passcom.core.store.Dialect#forUpdate}), always in key order, so
 * concurrent buyers of one segment queue for microseconds instead of refusing each other, and two
 * processes sharing the store can never hand out one seat twice. Seat states move only as {@link SeatState}
 * allows; a change moves the segment's counters by the same transition and their revision by one, and a move to or
 * from free is reported to {@link SeatChanges} with the count and revision the write returned, which tells the
 * availability feed once the unit of work commits.
 */
public final class SeatInventory {

    /** How many seats of a segment are in each state. free + held + sold = capacity, always. */
    public record Count(int free, int held, int sold) {
        public int total() {
            return free + held + sold;
        }
    }

    private final Dialect dialect;
    private final SeatChanges changes;

    /** Seats whose changes nobody hears of (tests, tools). */
    public SeatInventory(Dialect dialect) {
        this(dialect, new SeatChanges());
    }

    /** @param changes told of every segment whose free seats a unit of work moves (the availability feed) */
    public SeatInventory(Dialect dialect, SeatChanges changes) {
        this.dialect = dialect;
        this.changes = changes;
    }

    /** Records the capacity the network gives each segment this airline flies (first start, or a network with more seats). */
    public void createSeats(Connection connection, Airline airline) throws SQLException {
        recordCapacity(connection, airline.capacity());
    }

    /**
     * The segments of {@code airline} whose recorded capacity is not what the network gives them, with the network's
     * capacity: all of them on a first start, none on a reopen of the same network (so the start need not write).
     */
    public Map<Segment.Key, Integer> capacityChanges(Connection connection, Airline airline) throws SQLException {
        Map<Segment.Key, Integer> changes = new TreeMap<>(airline.capacity());
        try (PreparedStatement select = connection.prepareStatement("SELECT origin, destination, capacity FROM segment_stock");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Segment.Key segment = new Segment.Key(rows.getString(1), rows.getString(2));
                Integer wanted = changes.get(segment);
                if (wanted != null && wanted == rows.getInt(3)) {
                    changes.remove(segment);
                }
            }
        }
        return changes;
    }

    /** Sets each segment's capacity, creating the rows of segments not seen before; the other counters stay. */
    public void recordCapacity(Connection connection, Map<Segment.Key, Integer> capacity) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO segment_stock (origin, destination, capacity, next_number, held, sold) VALUES (?, ?, ?, 1, 0, 0) "
                        + "ON CONFLICT (origin, destination) DO UPDATE SET capacity = excluded.capacity, "
                        + "revision = segment_stock.revision + 1")) {
            for (var entry : new TreeMap<>(capacity).entrySet()) {
                upsert.setString(1, entry.getKey().origin());
                upsert.setString(2, entry.getKey().destination());
                upsert.setInt(3, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Locks the stock rows of {@code segments} in key order (PostgreSQL), so writers that take several never deadlock. */
    public void lock(Connection connection, Set<Segment.Key> segments) throws SQLException {
        if (dialect.forUpdate().isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM segment_stock WHERE origin = ? AND destination = ?" + dialect.forUpdate())) {
            for (Segment.Key segment : new TreeSet<>(segments)) {
                select.setString(1, segment.origin());
                select.setString(2, segment.destination());
                select.executeQuery().close();
            }
        }
    }

    /**
     * Holds the lowest free seat of {@code segment} for {@code txn}: the lowest seat given back, else the
     * next never-used number. Empty when every seat is held or sold. Locks the segment itself; a caller
     * holding several legs locks them all first ({@link #lock}), in key order.
     */
    public OptionalInt hold(Connection connection, Segment.Key segment, String txn, String reference, String cpf) throws SQLException {
        lock(connection, Set.of(segment));
        int capacity;
        int next;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT capacity, next_number, held + sold FROM segment_stock WHERE origin = ? AND destination = ?")) {
            bind(select, segment);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getInt(3) >= row.getInt(1)) {
                    return OptionalInt.empty();
                }
                capacity = row.getInt(1);
                next = row.getInt(2);
            }
        }
        int number = lowestGivenBack(connection, segment, capacity);
        int advance = 0;
        if (number > 0) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM free_seat WHERE origin = ? AND destination = ? AND number = ?")) {
                bind(delete, segment);
                delete.setInt(3, number);
                delete.executeUpdate();
            }
        } else if (next <= capacity) {
            number = next;
            advance = 1;
        } else {
            return OptionalInt.empty();
        }
        insertHeld(connection, segment, number, advance, txn, reference, cpf);
        return OptionalInt.of(number);
    }

    private static int lowestGivenBack(Connection connection, Segment.Key segment, int capacity) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number FROM free_seat WHERE origin = ? AND destination = ? AND number <= ? ORDER BY number LIMIT 1")) {
            bind(select, segment);
            select.setInt(3, capacity);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /** The segment's counters now (lock it first to keep them so); empty when this airline does not fly it. */
    public Optional<Stock> stock(Connection connection, Segment.Key segment) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT capacity, held, sold FROM segment_stock WHERE origin = ? AND destination = ?")) {
            bind(select, segment);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? java.util.Optional.of(new Stock(row.getInt(1), row.getInt(2), row.getInt(3))) : java.util.Optional.empty();
            }
        }
    }

    /** A segment's capacity and how many of its seats are held and sold. */
    public record Stock(int capacity, int held, int sold) {
        public int free() {
            return Math.max(0, capacity - held - sold);
        }
    }

    /** The state of seat {@code number} of {@code segment} (lock the segment first to keep it so). */
    public SeatState stateOf(Connection connection, Segment.Key segment, int number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM seat WHERE origin = ? AND destination = ? AND number = ?")) {
            bind(select, segment);
            select.setInt(3, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? SeatState.valueOf(row.getString(1)) : SeatState.FREE;
            }
        }
    }

    /**
     * Holds seat {@code number} of {@code segment} for {@code txn}: the caller has locked the segment and seen the
     * seat {@link SeatState#FREE} within 1..capacity. A number below {@code next_number} leaves {@code free_seat};
     * one at or above it moves {@code next_number} past it and records the numbers skipped as given back, so that
     * the lowest free seat is still the lowest of {@code free_seat}, else {@code next_number}.
     */
    public void holdChosen(Connection connection, Segment.Key segment, int number, String txn, String reference, String cpf)
            throws SQLException {
        int next;
        int advance = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_number FROM segment_stock WHERE origin = ? AND destination = ?")) {
            bind(select, segment);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no stock for " + segment);
                }
                next = row.getInt(1);
            }
        }
        if (number < next) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM free_seat WHERE origin = ? AND destination = ? AND number = ?")) {
                bind(delete, segment);
                delete.setInt(3, number);
                if (delete.executeUpdate() != 1) {
                    throw new IllegalStateException("seat " + number + " of " + segment + " is neither taken nor given back");
                }
            }
        } else {
            try (PreparedStatement skip = connection.prepareStatement(
                    "INSERT INTO free_seat (origin, destination, number) VALUES (?, ?, ?)")) {
                for (int skipped = next; skipped < number; skipped++) {
                    bind(skip, segment);
                    skip.setInt(3, skipped);
                    skip.addBatch();
                }
                if (number > next) {
                    skip.executeBatch();
                }
            }
            advance = number + 1 - next;
        }
        insertHeld(connection, segment, number, advance, txn, reference, cpf);
    }

    /** Inserts the held seat and counts it; {@code advance} moves {@code next_number} in the same write of the counters. */
    private void insertHeld(Connection connection, Segment.Key segment, int number, int advance, String txn, String reference,
                            String cpf) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO seat (origin, destination, number, state, txn, reference, cpf) VALUES (?, ?, ?, 'HELD', ?, ?, ?)")) {
            bind(insert, segment);
            insert.setInt(3, number);
            insert.setString(4, txn);
            insert.setString(5, reference);
            insert.setString(6, cpf);
            insert.executeUpdate();
        }
        count(connection, segment, SeatState.FREE, SeatState.HELD, advance);
    }

    /** The seat {@code txn} holds or bought on {@code segment} for passenger {@code cpf}, if any (answers a duplicate prepare). */
    public OptionalInt seatOf(Connection connection, Segment.Key segment, String txn, String cpf) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number FROM seat WHERE origin = ? AND destination = ? AND txn = ? AND cpf = ?")) {
            bind(select, segment);
            select.setString(3, txn);
            select.setString(4, cpf);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /** HELD → SOLD for every seat {@code txn} holds. */
    public int sell(Connection connection, String txn) throws SQLException {
        List<Taken> seats = taken(connection, HELD_BY, txn);
        lock(connection, segments(seats));
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seat SET state = 'SOLD' WHERE origin = ? AND destination = ? AND number = ?")) {
            for (Taken seat : seats) {
                bind(update, seat.segment);
                update.setInt(3, seat.number);
                update.executeUpdate();
                count(connection, seat.segment, SeatState.HELD, SeatState.SOLD);
            }
        }
        return seats.size();
    }

    /** HELD → free for every seat {@code txn} holds. */
    public int release(Connection connection, String txn) throws SQLException {
        return giveBack(connection, taken(connection, HELD_BY, txn), SeatState.HELD);
    }

    /** Gives back the seats marked by {@code cancelTxn}: the cancellation committed. */
    public int freeMarked(Connection connection, String cancelTxn) throws SQLException {
        return giveBack(connection, taken(connection, MARKED_BY, cancelTxn), SeatState.SOLD);
    }

    private int giveBack(Connection connection, List<Taken> seats, SeatState from) throws SQLException {
        lock(connection, segments(seats));
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM seat WHERE origin = ? AND destination = ? AND number = ?");
             PreparedStatement free = connection.prepareStatement(
                "INSERT INTO free_seat (origin, destination, number) VALUES (?, ?, ?)")) {
            for (Taken seat : seats) {
                for (PreparedStatement statement : List.of(delete, free)) {
                    bind(statement, seat.segment);
                    statement.setInt(3, seat.number);
                    statement.executeUpdate();
                }
                count(connection, seat.segment, from, SeatState.FREE);
            }
        }
        return seats.size();
    }

    private record Taken(Segment.Key segment, int number) {
    }

    /** The seats a purchase holds, and the sold seats a cancellation marked: what its phase two moves. */
    private static final String HELD_BY =
            "SELECT origin, destination, number FROM seat WHERE txn = ? AND state = 'HELD' ORDER BY origin, destination, number";
    private static final String MARKED_BY =
            "SELECT origin, destination, number FROM seat WHERE cancel_txn = ? AND state = 'SOLD' ORDER BY origin, destination, number";

    private static List<Taken> taken(Connection connection, String query, String value) throws SQLException {
        List<Taken> seats = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seats.add(new Taken(new Segment.Key(rows.getString(1), rows.getString(2)), rows.getInt(3)));
                }
            }
        }
        return seats;
    }

    private static Set<Segment.Key> segments(List<Taken> seats) {
        Set<Segment.Key> keys = new TreeSet<>();
        seats.forEach(s -> keys.add(s.segment));
        return keys;
    }

    /**
     * Moves the segment's counters as one seat moves {@code from} → {@code to}.
     * @throws IllegalStateException {@link SeatState} does not allow the move (a bug: nothing is written)
     */
    private void count(Connection connection, Segment.Key segment, SeatState from, SeatState to) throws SQLException {
        count(connection, segment, from, to, 0);
    }

    /**
     * As {@link #count(Connection, Segment.Key, SeatState, SeatState)}, and moves {@code next_number} on by {@code advance}
     * (a hold of a never-used number) in the same statement:
     * one write of the row instead of two per hold. The caller read {@code next_number} with the row locked.
     */
    private void count(Connection connection, Segment.Key segment, SeatState from, SeatState to, int advance) throws SQLException {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("a seat of " + segment + " cannot move " + from + " → " + to);
        }
        // The write hands back the count it leaves, read from the row it holds locked (PostgreSQL) or under SQLite's one
        // writer: the committed count if the unit commits, with a revision that orders it against every other write.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE segment_stock SET held = held + ?, sold = sold + ?, next_number = next_number + ?, revision = revision + 1 "
                        + "WHERE origin = ? AND destination = ? RETURNING capacity - held - sold, revision")) {
            update.setInt(1, delta(SeatState.HELD, from, to));
            update.setInt(2, delta(SeatState.SOLD, from, to));
            update.setInt(3, advance);
            update.setString(4, segment.origin());
            update.setString(5, segment.destination());
            try (ResultSet row = update.executeQuery()) {
                // HELD → SOLD leaves the free seats as they were: nothing to publish
                if (row.next() && (from == SeatState.FREE || to == SeatState.FREE)) {
                    changes.moved(segment, new FreeCount(Math.max(0, row.getInt(1)), row.getLong(2)));
                }
            }
        }
    }

    private static int delta(SeatState counted, SeatState from, SeatState to) {
        return (to == counted ? 1 : 0) - (from == counted ? 1 : 0);
    }

    private static void bind(PreparedStatement statement, Segment.Key segment) throws SQLException {
        statement.setString(1, segment.origin());
        statement.setString(2, segment.destination());
    }

}
