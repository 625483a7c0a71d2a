package passcom.core.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.store.Store;

/**
 * The full bookings this airline keeps: those it coordinated and those it confirmed as a participant.
 * Writes take the caller's connection so they join the local transaction of the decision they record.
 */
public final class BookingStore {

    private final Store store;

    public BookingStore(Store store) {
        this.store = store;
    }

    /** Thrown when a booking reference is already taken here by another transaction's booking: never merge the two. */
    public static final class ReferenceTaken extends IllegalStateException {
        public ReferenceTaken(String reference) {
            super("booking reference " + reference + " already names another booking in this store");
        }
    }

    /**
     * Stores {@code booking}, made by transaction {@code txn}, as ACTIVE. A second save by the same
     * transaction is a duplicate commit and changes nothing. @throws ReferenceTaken another transaction's booking has this reference
     */
    public void save(Connection connection, Booking booking, String txn) throws SQLException {
        Optional<String> owner = ownerOf(connection, booking.reference());
        if (owner.isPresent()) {
            if (owner.get().equals(txn)) {
                return;
            }
            throw new ReferenceTaken(booking.reference());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO booking (reference, txn, cpf, state, purchased_at, sold_by) VALUES (?, ?, ?, 'ACTIVE', ?, ?)")) {
            insert.setString(1, booking.reference());
            insert.setString(2, txn);
            insert.setString(3, booking.cpf().digits());
            insert.setLong(4, booking.purchasedAt().toEpochMilli());
            insert.setString(5, booking.soldBy());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO booking_leg (reference, position, origin, destination, km, airline, seat, price_cents) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (BookedLeg leg : booking.legs()) {
                insert.setString(1, booking.reference());
                insert.setInt(2, position++);
                insert.setString(3, leg.segment().origin());
                insert.setString(4, leg.segment().destination());
                insert.setInt(5, leg.segment().km());
                insert.setString(6, leg.airline());
                insert.setInt(7, leg.seat());
                insert.setLong(8, leg.price().cents());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        savePassengers(connection, booking);
        if (booking.buyer() != null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO booking_buyer (reference, cpf) VALUES (?, ?)")) {
                insert.setString(1, booking.reference());
                insert.setString(2, booking.buyer().digits());
                insert.executeUpdate();
            }
        }
    }

    /** Every passenger (with the name), and the seats of all but the first, whose seats are booking_leg's. */
    private static void savePassengers(Connection connection, Booking booking) throws SQLException {
        try (PreparedStatement passenger = connection.prepareStatement(
                "INSERT INTO booking_passenger (reference, position, cpf, name) VALUES (?, ?, ?, ?)");
             PreparedStatement seat = connection.prepareStatement(
                "INSERT INTO booking_seat (reference, passenger, position, seat) VALUES (?, ?, ?, ?)")) {
            for (int p = 0; p < booking.passengers().size(); p++) {
                Passenger traveller = booking.passengers().get(p);
                passenger.setString(1, booking.reference());
                passenger.setInt(2, p);
                passenger.setString(3, traveller.cpf().digits());
                passenger.setString(4, traveller.name());
                passenger.addBatch();
                for (int leg = 0; p > 0 && leg < booking.legs().size(); leg++) {
                    seat.setString(1, booking.reference());
                    seat.setInt(2, p);
                    seat.setInt(3, leg);
                    seat.setInt(4, booking.legs().get(leg).seats().get(p));
                    seat.addBatch();
                }
            }
            passenger.executeBatch();
            if (booking.passengers().size() > 1) {
                seat.executeBatch();
            }
        }
    }

    /** Whether {@code reference} names a booking stored here. */
    public boolean exists(Connection connection, String reference) throws SQLException {
        return ownerOf(connection, reference).isPresent();
    }

    private static Optional<String> ownerOf(Connection connection, String reference) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT txn FROM booking WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether this airline keeps an ACTIVE copy of booking {@code reference}. */
    public boolean isActive(Connection connection, String reference) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM booking WHERE reference = ? AND state = 'ACTIVE'")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Stores a cancelled booking's copy if missing (as written by {@code cancelTxn}) and marks it CANCELLED. */
    public void markCancelled(Connection connection, Booking booking, String cancelTxn) throws SQLException {
        if (!exists(connection, booking.reference())) {
            save(connection, booking, cancelTxn);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE booking SET state = 'CANCELLED' WHERE reference = ?")) {
            update.setString(1, booking.reference());
            update.executeUpdate();
        }
    }

    public Optional<Booking> find(String reference) {
        return store.read(connection -> find(connection, reference));
    }

    /** {@link #find(String)} inside the caller's transaction. */
    public Optional<Booking> find(Connection connection, String reference) throws SQLException {
        return load(connection, "b.reference = ?", reference).stream().findFirst();
    }

    /** The ACTIVE bookings on which the CPF travels (as any of the passengers) or that it bought, oldest first. */
    public List<Booking> activeFor(Cpf cpf) {
        return store.read(connection -> load(connection, CARRIES + " AND b.state = 'ACTIVE'", cpf.digits(), cpf.digits(), cpf.digits()));
    }

    /**
     * A booking concerns a CPF as its first passenger (every booking), as any other (booking_passenger), or as
     * the account that bought it (booking_buyer, at the selling airline).
     */
    private static final String CARRIES =
            "(b.cpf = ? OR EXISTS (SELECT 1 FROM booking_passenger p WHERE p.reference = b.reference AND p.cpf = ?)"
                    + " OR EXISTS (SELECT 1 FROM booking_buyer bb WHERE bb.reference = b.reference AND bb.cpf = ?))";

    /** Every ACTIVE booking (invariant checks). */
    public List<Booking> allActive() {
        return store.read(connection -> load(connection, "b.state = 'ACTIVE'"));
    }

    /** References of the bookings the CPF travels on known here to be cancelled. */
    public Set<String> cancelledFor(Cpf cpf) {
        return store.read(connection -> {
            Set<String> references = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT reference FROM booking b WHERE " + CARRIES + " AND state = 'CANCELLED'")) {
                select.setString(1, cpf.digits());
                select.setString(2, cpf.digits());
                select.setString(3, cpf.digits());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        references.add(rows.getString(1));
                    }
                }
            }
            return references;
        });
    }

    private static List<Booking> load(Connection connection, String where, String... args) throws SQLException {
        Map<String, BookingRow> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT b.reference, b.cpf, b.purchased_at, l.origin, l.destination, l.km, l.airline, l.seat, l.price_cents, b.sold_by, bb.cpf "
                        + "FROM booking b JOIN booking_leg l ON l.reference = b.reference "
                        + "LEFT JOIN booking_buyer bb ON bb.reference = b.reference WHERE " + where
                        + " ORDER BY b.purchased_at, b.reference, l.position")) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    BookingRow row = rows.computeIfAbsent(r.getString(1), ref -> new BookingRow());
                    row.cpf = r.getString(2);
                    row.purchasedAt = r.getLong(3);
                    row.soldBy = r.getString(10);
                    row.buyer = r.getString(11);
                    row.legs.add(new BookedLeg(new Segment(r.getString(4), r.getString(5), r.getInt(6)),
                            r.getString(7), r.getInt(8), Money.ofCents(r.getLong(9))));
                }
            }
        }
        List<Booking> bookings = new ArrayList<>();
        for (var entry : rows.entrySet()) {
            BookingRow row = entry.getValue();
            List<Passenger> passengers = passengers(connection, entry.getKey());
            List<BookedLeg> legs = passengers.size() <= 1 ? row.legs : withOthersSeats(connection, entry.getKey(), row.legs, passengers.size());
            bookings.add(new Booking(entry.getKey(), passengers.isEmpty() ? List.of(new Passenger(new Cpf(row.cpf), null)) : passengers,
                    legs, Instant.ofEpochMilli(row.purchasedAt), row.soldBy, row.buyer == null ? null : new Cpf(row.buyer)));
        }
        return bookings;
    }

    /** The booking's passengers in order; none for a booking stored before passengers were (read as its one CPF). */
    private static List<Passenger> passengers(Connection connection, String reference) throws SQLException {
        List<Passenger> passengers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT cpf, name FROM booking_passenger WHERE reference = ? ORDER BY position")) {
            select.setString(1, reference);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    passengers.add(new Passenger(new Cpf(r.getString(1)), r.getString(2)));
                }
            }
        }
        return passengers;
    }

    /** {@code legs} (the first passenger's seats) with every other passenger's seat added, in passenger order. */
    private static List<BookedLeg> withOthersSeats(Connection connection, String reference, List<BookedLeg> legs, int passengers)
            throws SQLException {
        List<List<Integer>> seats = new ArrayList<>();
        legs.forEach(leg -> seats.add(new ArrayList<>(List.of(leg.seat()))));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position, seat FROM booking_seat WHERE reference = ? ORDER BY passenger, position")) {
            select.setString(1, reference);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    seats.get(r.getInt(1)).add(r.getInt(2));
                }
            }
        }
        List<BookedLeg> complete = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            if (seats.get(i).size() != passengers) {
                throw new IllegalStateException("booking " + reference + " has " + seats.get(i).size() + " seat(s) on leg " + i
                        + " for " + passengers + " passengers");
            }
            BookedLeg leg = legs.get(i);
            complete.add(new BookedLeg(leg.segment(), leg.airline(), seats.get(i), leg.price()));
        }
        return complete;
    }

    private static final class BookingRow {
        String cpf;
        long purchasedAt;
        String soldBy;
        String buyer;
        final List<BookedLeg> legs = new ArrayList<>();
    }
}
