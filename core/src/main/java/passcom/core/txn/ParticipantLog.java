package passcom.core.txn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import passcom.core.store.Dialect;

/**
 * The participant's durable records: one {@code participation} row per transaction this airline takes part in
 * (PREPARED → COMMITTED | ABORTED, or ABORTED at once for a refusal), with the coordinator that may decide it
 * and when to ask that coordinator next. The participant's SQL lives here, as the coordinator's lives in
 * {@link CoordinatorLog}. Methods take the caller's connection, so a state change commits together with the
 * seat change it records (docs/purchase-protocol.md, "What is durable before each effect").
 */
final class ParticipantLog {

    /** A participation's state. Rows are inserted PREPARED (held) or ABORTED (refused, or an ABORT first). */
    enum State {
        PREPARED, COMMITTED, ABORTED;

        /** Whether no message can change it any more (a repeat is answered from the record). */
        boolean isTerminal() {
            return this != PREPARED;
        }

        boolean canMoveTo(State next) {
            return this == PREPARED && next != PREPARED;
        }
    }

    /** What earlier versions recorded as the coordinator of an ABORT that arrived before any prepare. */
    private static final String UNKNOWN_COORDINATOR = "?";

    /** A participation as recorded; {@code refusal} and {@code refusalDetail} say why it was refused (null otherwise). */
    record Recorded(State state, String coordinator, AbortReason refusal, String refusalDetail) {

        /** Where the coordinator is {@link #UNKNOWN_COORDINATOR}, any airline: such a row is already ABORTED and stays so. */
        boolean coordinatedBy(String airline) {
            return coordinator.equals(airline) || coordinator.equals(UNKNOWN_COORDINATOR);
        }
    }

    /** A hold whose decision this airline has not heard for a while: ask its coordinator. */
    record StaleHold(TxnId txnId, String coordinator) {
    }

    private ParticipantLog() {
    }

    static Optional<Recorded> find(Connection c, TxnId txnId) throws SQLException {
        return find(c, txnId, "");
    }

    /**
     * The participation, locked until this local transaction ends (PostgreSQL): two phase-two messages for one
     * transaction (a delivery from each of two coordinator instances, or a delivery and the hold resolver)
     * must not both see PREPARED and both move the seats and their counters.
     */
    static Optional<Recorded> findForUpdate(Connection c, TxnId txnId, Dialect dialect) throws SQLException {
        return find(c, txnId, dialect.forUpdate());
    }

    private static Optional<Recorded> find(Connection c, TxnId txnId, String lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT state, coordinator, refusal, refusal_detail FROM participation WHERE txn = ?" + lock)) {
            select.setString(1, txnId.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String refusal = rows.getString(3);
                return Optional.of(new Recorded(State.valueOf(rows.getString(1)), rows.getString(2),
                        refusal == null ? null : AbortReason.valueOf(refusal), rows.getString(4)));
            }
        }
    }

    /**
     * Records the vote on {@code prepare}: PREPARED when {@code refused} is null, else ABORTED with the refusal.
     * A refusal for a reference some other purchase holds keeps no reference (the unique index on purchase
     * references must name the purchase that owns it). {@code nextCheckAt} is when to ask the coordinator.
     */
    static void recordVote(Connection c, Prepare prepare, Vote.Refused refused, long now, long nextCheckAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO participation (txn, coordinator, kind, state, reference, refusal, refusal_detail, prepared_at, next_check_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean ownsReference = refused == null || refused.why() != AbortReason.REFERENCE_TAKEN;
            insert.setString(1, prepare.txnId().value());
            insert.setString(2, prepare.coordinator());
            insert.setString(3, prepare.kind().name());
            insert.setString(4, (refused == null ? State.PREPARED : State.ABORTED).name());
            insert.setString(5, ownsReference ? prepare.reference() : null);
            insert.setString(6, refused == null ? null : refused.why().name());
            insert.setString(7, refused == null ? null : refused.reason());
            insert.setLong(8, now);
            insert.setLong(9, nextCheckAt);
            insert.executeUpdate();
        }
    }

    /** An ABORT for a transaction never prepared here: remembered as ABORTED, decided by {@code sender}. */
    static void recordAbortBeforePrepare(Connection c, TxnId txnId, String sender, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO participation (txn, coordinator, kind, state, prepared_at, next_check_at) "
                        + "VALUES (?, ?, 'PURCHASE', 'ABORTED', ?, 0)")) {
            insert.setString(1, txnId.value());
            insert.setString(2, Objects.requireNonNull(sender, "sender"));
            insert.setLong(3, now);
            insert.executeUpdate();
        }
    }

    /**
     * {@code from} → {@code to}. @throws IllegalStateException the transition is not allowed, or the row is not
     * in {@code from} (the caller read it under its lock, so either is a bug, never a race to paper over)
     */
    static void move(Connection c, TxnId txnId, State from, State to) throws SQLException {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("participation " + txnId + ": " + from + " → " + to + " is not a transition");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE participation SET state = ? WHERE txn = ? AND state = ?")) {
            update.setString(1, to.name());
            update.setString(2, txnId.value());
            update.setString(3, from.name());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("participation " + txnId + " is not " + from + "; cannot move it to " + to);
            }
        }
    }

    /** PREPARED participations due for a decision query at {@code now}, oldest first. */
    static List<StaleHold> dueForDecisionQuery(Connection c, long now, int limit) throws SQLException {
        List<StaleHold> due = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT txn, coordinator FROM participation WHERE state = 'PREPARED' AND next_check_at <= ? ORDER BY next_check_at LIMIT ?")) {
            select.setLong(1, now);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new StaleHold(new TxnId(rows.getString(1)), rows.getString(2)));
                }
            }
        }
        return due;
    }

    /** The holds {@link #askNow} makes due: asked for by one coordinator before a time, not due yet. */
    private static final String HELD_FOR = " WHERE state = 'PREPARED' AND coordinator = ? AND prepared_at < ? AND next_check_at > ?";

    /**
     * Makes the holds {@code coordinator} asked for before {@code preparedBefore} due for a decision query at
     * {@code now}: it is answering again after being unreachable since then, so what it decided (or presumes
     * aborted) can be learnt at once instead of at each hold's next check. A hold prepared since is left to its
     * own check: its purchase may still be under way. Returns how many became due.
     */
    static int askNow(Connection c, String coordinator, long preparedBefore, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE participation SET next_check_at = ?" + HELD_FOR)) {
            update.setLong(1, now);
            update.setString(2, coordinator);
            update.setLong(3, preparedBefore);
            update.setLong(4, now);
            return update.executeUpdate();
        }
    }

    /** Whether {@link #askNow} would make any hold due: a read, so a peer's return costs no write when none would. */
    static boolean heldFor(Connection c, String coordinator, long preparedBefore, long now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM participation" + HELD_FOR + " LIMIT 1")) {
            select.setString(1, coordinator);
            select.setLong(2, preparedBefore);
            select.setLong(3, now);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Pushes each hold's next query to {@code nextCheckAt}; returns those claimed. A hold another writer has
     * locked right now (skipped, not waited for) or that is no longer due at {@code now} is left out.
     */
    static List<StaleHold> claim(Connection c, List<StaleHold> holds, long now, long nextCheckAt, Dialect dialect) throws SQLException {
        List<StaleHold> claimed = new ArrayList<>();
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT txn FROM participation WHERE txn = ? AND state = 'PREPARED' AND next_check_at <= ?" + dialect.forUpdateSkipLocked());
             PreparedStatement update = c.prepareStatement("UPDATE participation SET next_check_at = ? WHERE txn = ?")) {
            for (StaleHold hold : holds) {
                lock.setString(1, hold.txnId().value());
                lock.setLong(2, now);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        continue;
                    }
                }
                update.setLong(1, nextCheckAt);
                update.setString(2, hold.txnId().value());
                if (update.executeUpdate() == 1) {
                    claimed.add(hold);
                }
            }
        }
        return claimed;
    }

    /** Participations still waiting for a decision. */
    static long countPrepared(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM participation WHERE state = 'PREPARED'");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
