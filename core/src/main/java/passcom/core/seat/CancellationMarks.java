package passcom.core.seat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A cancellation's phase one on this airline's sold seats: each is marked with the cancelling transaction
 * ({@code seat.cancel_txn}) so nobody else cancels it meanwhile, and the marks are cleared if it aborts; a commit
 * gives the marked seats back ({@link SeatInventory#freeMarked}). Same convention as {@link SeatInventory}: every
 * method joins the caller's local transaction.
 */
public final class CancellationMarks {

    public CancellationMarks() {
    }

    /**
     * Marks this airline's sold seats of booking {@code reference} for cancellation by {@code cancelTxn}.
     * Returns how many were marked; 0 when any is missing or already marked (then nothing is marked).
     */
    public int mark(Connection connection, String reference, String cancelTxn, int expectedLegs) throws SQLException {
        int marked;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seat SET cancel_txn = ? WHERE reference = ? AND state = 'SOLD' AND cancel_txn IS NULL")) {
            update.setString(1, cancelTxn);
            update.setString(2, reference);
            marked = update.executeUpdate();
        }
        if (marked != expectedLegs) {
            clear(connection, cancelTxn);
            return 0;
        }
        return marked;
    }

    /** Clears the marks of {@code cancelTxn}: the cancellation aborted, the seats stay sold. */
    public int clear(Connection connection, String cancelTxn) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE seat SET cancel_txn = NULL WHERE cancel_txn = ?")) {
            update.setString(1, cancelTxn);
            return update.executeUpdate();
        }
    }
}
