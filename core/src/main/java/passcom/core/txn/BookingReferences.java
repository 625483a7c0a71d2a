package passcom.core.txn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A booking reference is unique in a store: a coordinator draws again when its store uses one, and a
 * participant whose store uses it refuses with {@link AbortReason#REFERENCE_TAKEN} (docs/purchase-protocol.md).
 * Both ask here, since a reference may be in use in any of the three places that record one.
 */
final class BookingReferences {

    private BookingReferences() {
    }

    /**
     * Whether a purchase of this store other than {@code txn} already uses {@code reference}: as its
     * coordinator, as a participant, or in a booking copy.
     */
    static boolean inUse(Connection c, String reference, String txn) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM txn WHERE reference = ? AND kind = 'PURCHASE' AND id <> ? "
                        + "UNION ALL SELECT 1 FROM booking WHERE reference = ? AND txn <> ? "
                        + "UNION ALL SELECT 1 FROM participation WHERE reference = ? AND kind = 'PURCHASE' AND txn <> ?")) {
            for (int i = 1; i <= 5; i += 2) {
                select.setString(i, reference);
                select.setString(i + 1, txn);
            }
            try (ResultSet r = select.executeQuery()) {
                return r.next();
            }
        }
    }
}
