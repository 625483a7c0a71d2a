package passcom.it.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * What one airline's store holds, SQLite or PostgreSQL (by its JDBC URL), read with plain SQL both accept (the
 * schema is core's migrations, one for both engines): seat
 * counters and rows, bookings and their legs, coordinator transactions, participations and the outbox. Read
 * from a copy once the servers have stopped ({@link #read}), or live and read-only while they run
 * ({@link #openTransactions}: WAL lets a reader in another process see the last commit without blocking the
 * writer).
 */
record StoreState(String airline, List<Stock> stock, List<Seat> seats, Map<String, Booking> bookings,
                  List<Txn> txns, List<String> prepared, List<String> deliveries, Map<String, Set<Integer>> freeSeats) {

    record Stock(String origin, String destination, int capacity, int nextNumber, int held, int sold) {
        String leg() {
            return origin + "→" + destination;
        }
    }

    record Seat(String origin, String destination, int number, String state, String txn, String reference, String cancelTxn) {
        String leg() {
            return origin + "→" + destination;
        }
    }

    record Leg(int position, String origin, String destination, String airline, int seat) {
        String leg() {
            return origin + "→" + destination;
        }
    }

    /** {@code legs}: the first passenger's seat per leg, as ordered; {@code otherSeats}: every other passenger's (issue 11). */
    record Booking(String reference, String txn, String cpf, String state, String soldBy, List<Leg> legs, List<Leg> otherSeats) {
        List<Leg> allSeats() {
            List<Leg> all = new ArrayList<>(legs);
            all.addAll(otherSeats);
            return all;
        }
    }

    record Txn(String id, String requestId, String kind, String state, String reference) {
    }

    /** A running server's store, read-only (one consistent snapshot: the reads run in one transaction). */
    static StoreState readLive(String airline, java.nio.file.Path dataDir) {
        return read(airline, "jdbc:sqlite:" + dataDir.resolve("passcom.db").toAbsolutePath(), true);
    }

    static StoreState read(String airline, String jdbcUrl) {
        return read(airline, jdbcUrl, false);
    }

    private static StoreState read(String airline, String jdbcUrl, boolean readOnly) {
        try (Connection c = connect(jdbcUrl, readOnly, 5_000); Statement s = c.createStatement()) {
            List<Stock> stock = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT origin, destination, capacity, next_number, held, sold FROM segment_stock")) {
                while (r.next()) {
                    stock.add(new Stock(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), r.getInt(5), r.getInt(6)));
                }
            }
            List<Seat> seats = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT origin, destination, number, state, txn, reference, cancel_txn FROM seat")) {
                while (r.next()) {
                    seats.add(new Seat(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7)));
                }
            }
            Map<String, Set<Integer>> free = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT origin, destination, number FROM free_seat")) {
                while (r.next()) {
                    free.computeIfAbsent(r.getString(1) + "→" + r.getString(2), k -> new HashSet<>()).add(r.getInt(3));
                }
            }
            Map<String, List<Leg>> legs = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT reference, position, origin, destination, airline, seat FROM booking_leg ORDER BY reference, position")) {
                while (r.next()) {
                    legs.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new Leg(r.getInt(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6)));
                }
            }
            Map<String, List<Leg>> others = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT l.reference, l.position, l.origin, l.destination, l.airline, x.seat FROM booking_seat x"
                    + " JOIN booking_leg l ON l.reference = x.reference AND l.position = x.position ORDER BY x.reference, x.passenger, x.position")) {
                while (r.next()) {
                    others.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new Leg(r.getInt(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6)));
                }
            }
            Map<String, Booking> bookings = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT reference, txn, cpf, state, sold_by FROM booking")) {
                while (r.next()) {
                    bookings.put(r.getString(1), new Booking(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            legs.getOrDefault(r.getString(1), List.of()), others.getOrDefault(r.getString(1), List.of())));
                }
            }
            List<Txn> txns = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id, request_id, kind, state, reference FROM txn")) {
                while (r.next()) {
                    txns.add(new Txn(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
            return new StoreState(airline, stock, seats, bookings, txns,
                    strings(s, "SELECT txn FROM participation WHERE state = 'PREPARED'"),
                    strings(s, "SELECT txn || ' ' || airline || ' ' || message FROM delivery"), free);
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + airline + "'s store " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * The transactions still open in a store: a held seat, a prepared participation, a coordinator
     * transaction not decided, or a decision not delivered. With {@code about} set, only those that concern
     * that airline (a participation it coordinates, a delivery to it); otherwise all.
     */
    static Set<String> openTransactions(String jdbcUrl, boolean live, String about) {
        try (Connection c = connect(jdbcUrl, live, 2_000); Statement s = c.createStatement()) {
            Set<String> open = new HashSet<>();
            if (about == null) {
                open.addAll(strings(s, "SELECT DISTINCT txn FROM seat WHERE state = 'HELD'"));
                open.addAll(strings(s, "SELECT txn FROM participation WHERE state = 'PREPARED'"));
                open.addAll(strings(s, "SELECT id FROM txn WHERE state = 'STARTED'"));
                open.addAll(strings(s, "SELECT DISTINCT txn FROM delivery"));
            } else {
                open.addAll(strings(s, "SELECT txn FROM participation WHERE state = 'PREPARED' AND coordinator = '" + about + "'"));
                open.addAll(strings(s, "SELECT DISTINCT txn FROM delivery WHERE airline = '" + about + "'"));
            }
            return open;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** How much is still open in a store, by kind: held seats, prepared participations, undecided transactions, undelivered decisions. */
    record OpenCounts(long held, long prepared, long undecided, long undelivered) {
        @Override
        public String toString() {
            return "held " + held + " prepared " + prepared + " undecided " + undecided + " undelivered " + undelivered;
        }
    }

    /** {@link OpenCounts} of a running server's store, SQLite or PostgreSQL, read live and read-only in one snapshot. */
    static OpenCounts openCounts(String jdbcUrl) {
        try (Connection c = connect(jdbcUrl, true, 2_000); Statement s = c.createStatement()) {
            return new OpenCounts(count(s, "SELECT COUNT(*) FROM seat WHERE state = 'HELD'"),
                    count(s, "SELECT COUNT(*) FROM participation WHERE state = 'PREPARED'"),
                    count(s, "SELECT COUNT(*) FROM txn WHERE state = 'STARTED'"),
                    count(s, "SELECT COUNT(*) FROM delivery"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** The coordinator transactions not decided yet ({@code STARTED}) in a running server's store. */
    static Set<String> undecided(String jdbcUrl) {
        try (Connection c = connect(jdbcUrl, true, 2_000); Statement s = c.createStatement()) {
            return new HashSet<>(strings(s, "SELECT id FROM txn WHERE state = 'STARTED'"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * One connection whose reads form one snapshot: SQLite (read-only when {@code readOnly}: a running server's
     * file, WAL lets it beside the writer) in one transaction; PostgreSQL (a database the instances of an airline
     * share, always read live) in one read-only REPEATABLE READ transaction, which sees one committed state and
     * blocks no writer.
     */
    private static Connection connect(String jdbcUrl, boolean readOnly, int busyMillis) throws SQLException {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            Connection c = DriverManager.getConnection(jdbcUrl);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return c;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(busyMillis);
        Connection c = DriverManager.getConnection(jdbcUrl, config.toProperties());
        c.setAutoCommit(false);
        return c;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
