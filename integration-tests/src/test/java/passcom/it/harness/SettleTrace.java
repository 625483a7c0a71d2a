package passcom.it.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * What is still open in every store while the federation settles after the faults (I7), by kind and once a
 * second: seats held, participations prepared, coordinator transactions undecided, decisions undelivered. Read
 * read-only from the live SQLite files, as {@link StoreState} does. Where a slow settle comes from shows in
 * how each count drains: holds waiting for the hold resolver, or an outbox waiting for deliveries.
 */
final class SettleTrace {

    private static final long EVERY_MILLIS = 1_000;

    private final Federation federation;
    private final long start = System.currentTimeMillis();
    private final List<String> lines = new ArrayList<>();
    private long last = -EVERY_MILLIS;

    SettleTrace(Federation federation) {
        this.federation = federation;
    }

    /** Samples the stores if a second has passed since the last sample (or {@code force}). */
    void sample(boolean force) {
        long t = System.currentTimeMillis() - start;
        if (!force && t - last < EVERY_MILLIS) {
            return;
        }
        last = t;
        StringBuilder line = new StringBuilder(t + " ms:");
        for (String airline : federation.airlines()) {
            line.append(" ").append(airline).append(" ").append(counts(airline)).append(";");
        }
        lines.add(line.toString());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private String counts(String airline) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2_000);
        String url = "jdbc:sqlite:" + federation.cluster().dataDir(airline).resolve("passcom.db").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, config.toProperties()); Statement s = c.createStatement()) {
            return "held " + count(s, "SELECT COUNT(*) FROM seat WHERE state = 'HELD'")
                    + " prepared " + count(s, "SELECT COUNT(*) FROM participation WHERE state = 'PREPARED'")
                    + " undecided " + count(s, "SELECT COUNT(*) FROM txn WHERE state = 'STARTED'")
                    + " undelivered " + count(s, "SELECT COUNT(*) FROM delivery");
        } catch (SQLException e) {
            return "(not readable: " + e.getMessage() + ")";
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
