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

    /** A transaction's state here: STARTED until decided, once, either way (decisions are stored by name). */
    enum State {
        STARTED, COMMITTED, ABORTED;

        /** Whether the transaction is decided: a decision never changes. */
        boolean isTerminal() {
            return this != STARTED;
        }

        boolean canMoveTo(State next) {
            return this == STARTED && next != STARTED;
        }
    }

    enum Message { COMMIT, ABORT }

    /** {@code outcome} is why it aborted (null otherwise); {@code detail} says it for the customer. */
    record TxnRecord(TxnId id, String requestId, TxnKind kind, State state, String cpf, String reference,
                     List<String> participants, AbortReason outcome, String detail) {
    }

    record Delivery(TxnId txnId, String airline, Message message, int attempts) {
    }

    /** Records a new transaction as STARTED, owned by coordinator instance {@code owner} while its lease lasts. */
    static void start(Connection c, TxnId id, String requestId, TxnKind kind, String cpf, String reference,
                      Collection<String> participants, String owner, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO txn (id, request_id, kind, state, cpf, reference, participants, owner, created_at) "
                        + "VALUES (?, ?, ?, 'STARTED', ?, ?, ?, ?, ?)")) {
            insert.setString(1, id.value());
            insert.setString(2, requestId);
            insert.setString(3, kind.name());
            insert.setString(4, cpf);
            insert.setString(5, reference);
            insert.setString(6, String.join(",", participants));
            insert.setString(7, owner);
            insert.setLong(8, now);
            insert.executeUpdate();
        }
    }

    /**
     * STARTED → {@code to}, with a delivery of the matching message to every participant. Returns false
     * (and changes nothing) when the transaction is no longer STARTED: a presumed abort got there first.
     */
    static boolean decide(Connection c, TxnId id, State to, AbortReason outcome, String detail, Collection<String> participants,
                          long now) throws SQLException {
        if (!State.STARTED.canMoveTo(to)) {
            throw new IllegalArgumentException("txn " + id + ": " + to + " is not a decision");
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE txn SET state = ?, outcome = ?, outcome_detail = ? WHERE id = ? AND state = 'STARTED'")) {
            update.setString(1, to.name());
            update.setString(2, outcome == null ? null : outcome.name());
            update.setString(3, detail);
            update.setString(4, id.value());
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        Message message = to == State.COMMITTED ? Message.COMMIT : Message.ABORT;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO delivery (txn, airline, message, attempts, next_attempt_at) VALUES (?, ?, ?, 0, ?)")) {
            for (String airline : participants) {
                insert.setString(1, id.value());
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
    static void forgetRequest(Connection c, TxnId id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE txn SET request_id = NULL WHERE id = ?")) {
            update.setString(1, id.value());
            update.executeUpdate();
        }
    }

    /** Presumed abort for an id this coordinator never started: recorded so it can never commit later. */
    static void recordUnknownAsAborted(Connection c, TxnId id, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO txn (id, kind, state, participants, outcome, created_at) VALUES (?, 'PURCHASE', 'ABORTED', '', 'PRESUMED', ?) "
                        + "ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, id.value());
            insert.setLong(2, now);
            insert.executeUpdate();
        }
    }

    static Optional<TxnRecord> find(Connection c, TxnId id) throws SQLException {
        return findBy(c, "id", id.value());
    }

    static Optional<TxnRecord> findByRequest(Connection c, String requestId) throws SQLException {
        return findBy(c, "request_id", requestId);
    }

    private static Optional<TxnRecord> findBy(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM txn WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static final String COLUMNS = "id, request_id, kind, state, cpf, reference, participants, outcome, outcome_detail";

    /** STARTED transactions created before {@code createdBefore} (epoch ms), whoever owns them. */
    static List<TxnRecord> startedBefore(Connection c, long createdBefore) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM txn WHERE state = 'STARTED' AND created_at < ?", createdBefore);
    }

    /** STARTED transactions whose owner instance holds no live lease at {@code now} (it died or stopped). */
    static List<TxnRecord> startedWithoutLease(Connection c, long now) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM txn t WHERE t.state = 'STARTED' AND NOT EXISTS "
                + "(SELECT 1 FROM coordinator_lease l WHERE l.instance = t.owner AND l.lease_until >= ?)", now);
    }

    private static List<TxnRecord> select(Connection c, String sql, long value) throws SQLException {
        List<TxnRecord> records = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, value);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    records.add(read(r));
                }
            }
        }
        return records;
    }

    /** Takes or extends this instance's lease on the transactions it starts. */
    static void renewLease(Connection c, String instance, long until) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO coordinator_lease (instance, lease_until) VALUES (?, ?) "
                        + "ON CONFLICT (instance) DO UPDATE SET lease_until = excluded.lease_until")) {
            upsert.setString(1, instance);
            upsert.setLong(2, until);
            upsert.executeUpdate();
        }
    }

    /** Forgets leases that ran out long ago (instances that stopped); their transactions are already decided. */
    static void dropLeasesBefore(Connection c, long before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM coordinator_lease WHERE lease_until < ? AND NOT EXISTS "
                        + "(SELECT 1 FROM txn WHERE txn.owner = coordinator_lease.instance AND txn.state = 'STARTED')")) {
            delete.setLong(1, before);
            delete.executeUpdate();
        }
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
                    due.add(new Delivery(new TxnId(r.getString(1)), r.getString(2), Message.valueOf(r.getString(3)), r.getInt(4)));
                }
            }
        }
        return due;
    }

    /** Removes acknowledged deliveries from the outbox. */
    static void delivered(Connection c, Collection<Delivery> deliveries) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM delivery WHERE txn = ? AND airline = ?")) {
            for (Delivery delivery : deliveries) {
                delete.setString(1, delivery.txnId().value());
                delete.setString(2, delivery.airline());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** The deliveries {@link #retryNow} makes due: to one airline, not due yet. */
    private static final String WAITING_FOR = " WHERE airline = ? AND next_attempt_at > ?";

    /** Makes every decision waiting for {@code airline} due at {@code now} (it answers again); returns how many. */
    static int retryNow(Connection c, String airline, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE delivery SET next_attempt_at = ?" + WAITING_FOR)) {
            update.setLong(1, now);
            update.setString(2, airline);
            update.setLong(3, now);
            return update.executeUpdate();
        }
    }

    /** Whether {@link #retryNow} would make any delivery due: a read, so a peer's return costs no write when none would. */
    static boolean waitingFor(Connection c, String airline, long now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM delivery" + WAITING_FOR + " LIMIT 1")) {
            select.setString(1, airline);
            select.setLong(2, now);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void retryLater(Connection c, TxnId txnId, String airline, long at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE delivery SET attempts = attempts + 1, next_attempt_at = ? WHERE txn = ? AND airline = ?")) {
            update.setLong(1, at);
            update.setString(2, txnId.value());
            update.setString(3, airline);
            update.executeUpdate();
        }
    }

    /** Transactions still undecided (health, backlog). */
    static long countStarted(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM txn WHERE state = 'STARTED'");
    }

    /** Decisions not yet acknowledged by a participant (health, backlog). */
    static long countPendingDeliveries(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM delivery");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static TxnRecord read(ResultSet r) throws SQLException {
        String participants = r.getString(7);
        String outcome = r.getString(8);
        return new TxnRecord(new TxnId(r.getString(1)), r.getString(2), TxnKind.valueOf(r.getString(3)), State.valueOf(r.getString(4)),
                r.getString(5), r.getString(6),
                participants == null || participants.isEmpty() ? List.of() : Arrays.asList(participants.split(",")),
                outcome == null ? null : AbortReason.valueOf(outcome), r.getString(9));
    }
}
