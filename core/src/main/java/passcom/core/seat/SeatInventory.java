package passcom.core.seat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import passcom.core.route.Airline;
import passcom.core.route.Segment;
import passcom.core.store.Database;

/**
 * One airline's seats: one row per (segment, seat number 1..capacity), FREE, HELD by a transaction, or
 * SOLD. Every change is a conditional UPDATE on the caller's connection, so it joins the caller's local
 * transaction and two processes sharing one database could not sell one seat twice.
 */
public final class SeatInventory {

    /** How many seats of a segment are in each state. free + held + sold = capacity, always. */
    public record Count(int free, int held, int sold) {
        public int total() {
            return free + held + sold;
        }
    }

    private final Database database;

    public SeatInventory(Database database) {
        this.database = database;
    }

    /** Creates the seat rows this airline's capacity calls for and does not have yet (first start). */
    public void createSeats(Airline airline) {
        database.inTransaction(connection -> {
            Map<Segment.Key, Integer> existing = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, destination, MAX(number) FROM seat GROUP BY origin, destination");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    existing.put(new Segment.Key(rows.getString(1), rows.getString(2)), rows.getInt(3));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO seat (origin, destination, number, state) VALUES (?, ?, ?, 'FREE')")) {
                for (var entry : airline.capacity().entrySet()) {
                    for (int number = existing.getOrDefault(entry.getKey(), 0) + 1; number <= entry.getValue(); number++) {
                        insert.setString(1, entry.getKey().origin());
                        insert.setString(2, entry.getKey().destination());
                        insert.setInt(3, number);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Holds the lowest free seat of {@code segment} for {@code txn}. Empty when no free seat can be taken
     * now. Concurrent buyers of one segment each lock a different free row ({@code FOR UPDATE SKIP
     * LOCKED}, as in PostgreSQL) instead of queueing on the lowest one; the UPDATE stays conditional on
     * FREE, so a seat can never be taken twice even without the lock. Nothing here waits for another
     * buyer: when every free seat is locked, the caller reports the leg as contended (see
     * {@link #hasUnsoldSeats}) and the coordinator retries later.
     */
    public OptionalInt hold(Connection connection, Segment.Key segment, String txn, String reference, String cpf) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number FROM seat WHERE origin = ? AND destination = ? AND state = 'FREE' "
                        + "ORDER BY number FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED");
             PreparedStatement update = connection.prepareStatement(
                "UPDATE seat SET state = 'HELD', txn = ?, reference = ?, cpf = ? "
                        + "WHERE origin = ? AND destination = ? AND number = ? AND state = 'FREE'")) {
            select.setString(1, segment.origin());
            select.setString(2, segment.destination());
            for (int attempt = 0; attempt < 3; attempt++) {
                int number;
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        break;
                    }
                    number = rows.getInt(1);
                }
                if (take(update, segment, number, txn, reference, cpf)) {
                    return OptionalInt.of(number);
                }
            }
            return OptionalInt.empty();
        }
    }

    private static boolean take(PreparedStatement update, Segment.Key segment, int number, String txn, String reference,
                                String cpf) throws SQLException {
        update.setString(1, txn);
        update.setString(2, reference);
        update.setString(3, cpf);
        update.setString(4, segment.origin());
        update.setString(5, segment.destination());
        update.setInt(6, number);
        return update.executeUpdate() == 1;
    }

    /**
     * Whether some seat of {@code segment} is not sold: held by a transaction not yet decided, or free but
     * locked by a buyer right now. Either may come back, so a refusal is only "contended", not "sold out".
     */
    public boolean hasUnsoldSeats(Connection connection, Segment.Key segment) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM seat WHERE origin = ? AND destination = ? AND state <> 'SOLD' FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, segment.origin());
            select.setString(2, segment.destination());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The seat {@code txn} holds or bought on {@code segment}, if any (answers a duplicate prepare). */
    public OptionalInt seatOf(Connection connection, Segment.Key segment, String txn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number FROM seat WHERE origin = ? AND destination = ? AND txn = ?")) {
            select.setString(1, segment.origin());
            select.setString(2, segment.destination());
            select.setString(3, txn);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /** HELD → SOLD for every seat {@code txn} holds. */
    public int sell(Connection connection, String txn) throws SQLException {
        return update(connection, "UPDATE seat SET state = 'SOLD' WHERE txn = ? AND state = 'HELD'", txn);
    }

    /** HELD → FREE for every seat {@code txn} holds. */
    public int release(Connection connection, String txn) throws SQLException {
        return update(connection, "UPDATE seat SET state = 'FREE', txn = NULL, reference = NULL, cpf = NULL "
                + "WHERE txn = ? AND state = 'HELD'", txn);
    }

    /**
     * Marks this airline's sold seats of booking {@code reference} for cancellation by {@code cancelTxn}.
     * Returns how many were marked; 0 when any is missing or already marked (then nothing is marked).
     */
    public int markForCancellation(Connection connection, String reference, String cancelTxn, int expectedLegs) throws SQLException {
        int marked = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seat SET cancel_txn = ? WHERE reference = ? AND state = 'SOLD' AND cancel_txn IS NULL")) {
            update.setString(1, cancelTxn);
            update.setString(2, reference);
            marked = update.executeUpdate();
        }
        if (marked != expectedLegs) {
            unmark(connection, cancelTxn);
            return 0;
        }
        return marked;
    }

    /** Frees the seats marked by {@code cancelTxn}: the cancellation committed. */
    public int freeMarked(Connection connection, String cancelTxn) throws SQLException {
        return update(connection, "UPDATE seat SET state = 'FREE', txn = NULL, reference = NULL, cpf = NULL, cancel_txn = NULL "
                + "WHERE cancel_txn = ? AND state = 'SOLD'", cancelTxn);
    }

    /** Clears the marks of {@code cancelTxn}: the cancellation aborted, the seats stay sold. */
    public int unmark(Connection connection, String cancelTxn) throws SQLException {
        return update(connection, "UPDATE seat SET cancel_txn = NULL WHERE cancel_txn = ?", cancelTxn);
    }

    /** Segments with at least one free seat: what route searches may use. */
    public Set<Segment.Key> segmentsWithFreeSeats() {
        return database.inTransaction(connection -> {
            Set<Segment.Key> keys = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT origin, destination FROM seat WHERE state = 'FREE'");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(new Segment.Key(rows.getString(1), rows.getString(2)));
                }
            }
            return keys;
        });
    }

    /** Seats per state on every segment this airline flies. */
    public Map<Segment.Key, Count> counts() {
        return database.inTransaction(connection -> {
            Map<Segment.Key, int[]> tally = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, destination, state, COUNT(*) FROM seat GROUP BY origin, destination, state");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int[] t = tally.computeIfAbsent(new Segment.Key(rows.getString(1), rows.getString(2)), k -> new int[3]);
                    t[switch (rows.getString(3)) { case "FREE" -> 0; case "HELD" -> 1; default -> 2; }] = rows.getInt(4);
                }
            }
            Map<Segment.Key, Count> counts = new TreeMap<>();
            tally.forEach((k, t) -> counts.put(k, new Count(t[0], t[1], t[2])));
            return counts;
        });
    }

    /** A sold seat, as the invariant checks and the per-airline ticket listing see it. */
    public record SoldSeat(Segment.Key segment, int number, String reference, String cpf) {
    }

    /** Every sold seat, or only a CPF's when {@code cpf} is not null. */
    public List<SoldSeat> soldSeats(String cpf) {
        return database.inTransaction(connection -> {
            List<SoldSeat> seats = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT origin, destination, number, reference, cpf FROM seat WHERE state = 'SOLD'"
                            + (cpf == null ? "" : " AND cpf = ?") + " ORDER BY reference, origin, destination")) {
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

    private static int update(Connection connection, String sql, String txn) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, txn);
            return update.executeUpdate();
        }
    }
}
