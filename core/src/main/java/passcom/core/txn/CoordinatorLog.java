package passcom.core.txn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's durable records: one {@code txn} row per transaction it coordinates
 * (STARTED → COMMITTED | ABORTED) and the {@code delivery} outbox of decisions not yet acknowledged.
 * Methods take the caller's connection so that a decision and its deliveries commit together.
 */
final class CoordinatorLog {

    enum State { STARTED, COMMITTED, ABORTED }

    enum Message { COMMIT, ABORT }

    record TxnRecord(String id, String requestId, TxnKind kind, State state, String cpf, String reference,
                     List<String> participants, String outcome) {
    }

    record Delivery(String txnId, String airline, Message message, int attempts) {
    }

    static void start(Connection c, String id, String requestId, TxnKind kind, String cpf, String reference,
                      Collection<String> participants, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO txn (id, request_id, kind, state, cpf, reference, participants, created_at) VALUES (?, ?, ?, 'STARTED', ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, requestId);
            insert.setString(3, kind.name());
            insert.setString(4, cpf);
            insert.setString(5, reference);
            insert.setString(6, String.join(",", participants));
            insert.setLong(7, now);
            insert.executeUpdate();
        }
    }

    /**
     * STARTED → {@code to}, with a delivery of the matching message to every participant. Returns false
     * (and changes nothing) when the transaction is no longer STARTED: a presumed abort got there first.
     */
    static boolean decide(Connection c, String id, State to, String outcome, Collection<String> participants, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE txn SET state = ?, outcome = ? WHERE id = ? AND state = 'STARTED'")) {
            update.setString(1, to.name());
            update.setString(2, outcome);
            update.setString(3, id);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        Message message = to == State.COMMITTED ? Message.COMMIT : Message.ABORT;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO delivery (txn, airline, message, attempts, next_attempt_at) VALUES (?, ?, ?, 0, ?)")) {
            for (String airline : participants) {
                insert.setString(1, id);
                insert.setString(2, airline);
                insert.setString(3, message.name());
                insert.setLong(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return true;
    }

    /** A retried purchase takes its request id to the new attempt's row. */
    static void forgetRequest(Connection c, String id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE txn SET request_id = NULL WHERE id = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    /** Presumed abort for an id this coordinator never started: recorded so it can never commit later. */
    static void recordUnknownAsAborted(Connection c, String id, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO txn (id, kind, state, participants, outcome, created_at) VALUES (?, 'PURCHASE', 'ABORTED', '', 'PRESUMED', ?)")) {
            insert.setString(1, id);
            insert.setLong(2, now);
            insert.executeUpdate();
        }
    }

    static Optional<TxnRecord> find(Connection c, String id) throws SQLException {
        return findBy(c, "id", id);
    }

    static Optional<TxnRecord> findByRequest(Connection c, String requestId) throws SQLException {
        return findBy(c, "request_id", requestId);
    }

    private static Optional<TxnRecord> findBy(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, request_id, kind, state, cpf, reference, participants, outcome FROM txn WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** Transactions in {@code state} created before {@code createdBefore} (epoch ms). */
    static List<TxnRecord> inState(Connection c, State state, long createdBefore) throws SQLException {
        List<TxnRecord> records = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, request_id, kind, state, cpf, reference, participants, outcome FROM txn WHERE state = ? AND created_at < ?")) {
            select.setString(1, state.name());
            select.setLong(2, createdBefore);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    records.add(read(r));
                }
            }
        }
        return records;
    }

    /** References of cancellations this coordinator committed for a CPF. */
    static List<String> committedCancellations(Connection c, String cpf) throws SQLException {
        List<String> references = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT reference FROM txn WHERE cpf = ? AND kind = 'CANCELLATION' AND state = 'COMMITTED'")) {
            select.setString(1, cpf);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    references.add(r.getString(1));
                }
            }
        }
        return references;
    }

    static List<Delivery> dueDeliveries(Connection c, long now, int limit) throws SQLException {
        List<Delivery> due = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT txn, airline, message, attempts FROM delivery WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?")) {
            select.setLong(1, now);
            select.setInt(2, limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    due.add(new Delivery(r.getString(1), r.getString(2), Message.valueOf(r.getString(3)), r.getInt(4)));
                }
            }
        }
        return due;
    }

    /** Removes acknowledged deliveries from the outbox. */
    static void delivered(Connection c, Collection<Delivery> deliveries) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM delivery WHERE txn = ? AND airline = ?")) {
            for (Delivery delivery : deliveries) {
                delete.setString(1, delivery.txnId());
                delete.setString(2, delivery.airline());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    static void retryLater(Connection c, String txnId, String airline, long at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE delivery SET attempts = attempts + 1, next_attempt_at = ? WHERE txn = ? AND airline = ?")) {
            update.setLong(1, at);
            update.setString(2, txnId);
            update.setString(3, airline);
            update.executeUpdate();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static TxnRecord read(ResultSet r) throws SQLException {
        String participants = r.getString(7);
        return new TxnRecord(r.getString(1), r.getString(2), TxnKind.valueOf(r.getString(3)), State.valueOf(r.getString(4)),
                r.getString(5), r.getString(6),
                participants == null || participants.isEmpty() ? List.of() : Arrays.asList(participants.split(",")),
                r.getString(8));
    }
}
