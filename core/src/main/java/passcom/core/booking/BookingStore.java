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
import passcom.core.store.Database;

/**
 * The full bookings this airline keeps: those it coordinated and those it confirmed as a participant.
 * Writes take the caller's connection so they join the local transaction of the decision they record.
 */
public final class BookingStore {

    private final Database database;

    public BookingStore(Database database) {
        this.database = database;
    }

    /** Stores {@code booking} as ACTIVE unless this reference is already stored (a duplicate commit). */
    public void save(Connection connection, Booking booking) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM booking WHERE reference = ?")) {
            exists.setString(1, booking.reference());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO booking (reference, cpf, state, purchased_at, sold_by) VALUES (?, ?, 'ACTIVE', ?, ?)")) {
            insert.setString(1, booking.reference());
            insert.setString(2, booking.cpf().digits());
            insert.setLong(3, booking.purchasedAt().toEpochMilli());
            insert.setString(4, booking.soldBy());
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

    /** Stores a cancelled booking's copy if missing and marks it CANCELLED. */
    public void markCancelled(Connection connection, Booking booking) throws SQLException {
        save(connection, booking);
        try (PreparedStatement update = connection.prepareStatement("UPDATE booking SET state = 'CANCELLED' WHERE reference = ?")) {
            update.setString(1, booking.reference());
            update.executeUpdate();
        }
    }

    public Optional<Booking> find(String reference) {
        return database.inTransaction(connection -> {
            List<Booking> found = load(connection, "b.reference = ?", reference);
            return found.stream().findFirst();
        });
    }

    /** The CPF's ACTIVE bookings, oldest first. */
    public List<Booking> activeFor(Cpf cpf) {
        return database.inTransaction(connection -> load(connection, "b.cpf = ? AND b.state = 'ACTIVE'", cpf.digits()));
    }

    /** Every ACTIVE booking (invariant checks). */
    public List<Booking> allActive() {
        return database.inTransaction(connection -> load(connection, "b.state = 'ACTIVE'"));
    }

    /** References of the CPF's bookings known here to be cancelled. */
    public Set<String> cancelledFor(Cpf cpf) {
        return database.inTransaction(connection -> {
            Set<String> references = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT reference FROM booking WHERE cpf = ? AND state = 'CANCELLED'")) {
                select.setString(1, cpf.digits());
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
                "SELECT b.reference, b.cpf, b.purchased_at, l.origin, l.destination, l.km, l.airline, l.seat, l.price_cents, b.sold_by "
                        + "FROM booking b JOIN booking_leg l ON l.reference = b.reference WHERE " + where
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
                    row.legs.add(new BookedLeg(new Segment(r.getString(4), r.getString(5), r.getInt(6)),
                            r.getString(7), r.getInt(8), Money.ofCents(r.getLong(9))));
                }
            }
        }
        List<Booking> bookings = new ArrayList<>();
        rows.forEach((reference, row) -> bookings.add(
                new Booking(reference, new Cpf(row.cpf), row.legs, Instant.ofEpochMilli(row.purchasedAt), row.soldBy)));
        return bookings;
    }

    private static final class BookingRow {
        String cpf;
        long purchasedAt;
        String soldBy;
        final List<BookedLeg> legs = new ArrayList<>();
    }
}
