package passcom.it.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an airline's SQLite store ({@code <data-dir>/passcom.db}) holds, read while no server has it open.
 * {@link #snapshot} reads a copy, so the state a {@code kill -9} left is seen exactly as the next start will
 * find it: opening the copy replays its WAL there, never in the original.
 */
public final class StoreFile {

    /** The seat counters and the schema's state; {@code schemaVersions} counts successful Flyway migrations. */
    record Contents(boolean exists, boolean hasSeatTable, int segments, long capacity, long held, long sold,
                    int schemaVersions, String integrity) {

        String describe() {
            if (!exists) {
                return "no store file";
            }
            if (!hasSeatTable) {
                return "store file without the schema (" + schemaVersions + " migration(s) recorded)";
            }
            return segments + " segment rows, " + capacity + " seats, integrity " + integrity;
        }
    }

    private StoreFile() {
    }

    /** Reads the store in {@code dataDir}, which no process may have open; opened read-only. */
    static Contents read(Path dataDir) {
        Path db = dataDir.resolve("passcom.db");
        if (!Files.exists(db)) {
            return new Contents(false, false, 0, 0, 0, 0, 0, "");
        }
        return query("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
    }

    /** Reads a copy of the store files in {@code dataDir} (made in {@code scratch}), leaving the originals as they are. */
    static Contents snapshot(Path dataDir, Path scratch) {
        Path db = dataDir.resolve("passcom.db");
        if (!Files.exists(db)) {
            return new Contents(false, false, 0, 0, 0, 0, 0, "");
        }
        return query(copy(dataDir, scratch));
    }

    /**
     * Copies the store files of {@code dataDir} (database, WAL, shared memory) into {@code scratch} and returns
     * the JDBC URL of the copy: opening it replays the WAL there, never in the original.
     */
    public static String copy(Path dataDir, Path scratch) {
        try {
            Files.createDirectories(scratch);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path file = dataDir.resolve("passcom.db" + suffix);
                Files.deleteIfExists(scratch.resolve("passcom.db" + suffix));
                if (Files.exists(file)) {
                    Files.copy(file, scratch.resolve("passcom.db" + suffix), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:sqlite:" + scratch.resolve("passcom.db").toAbsolutePath();
    }

    private static Contents query(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            boolean seatTable = count(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'segment_stock'") == 1;
            boolean history = count(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'") == 1;
            int versions = history ? (int) count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL") : 0;
            String integrity;
            try (ResultSet row = s.executeQuery("PRAGMA integrity_check")) {
                integrity = row.next() ? row.getString(1) : "?";
            }
            if (!seatTable) {
                return new Contents(true, false, 0, 0, 0, 0, versions, integrity);
            }
            try (ResultSet row = s.executeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(capacity), 0), COALESCE(SUM(held), 0), COALESCE(SUM(sold), 0) FROM segment_stock")) {
                row.next();
                return new Contents(true, true, row.getInt(1), row.getLong(2), row.getLong(3), row.getLong(4), versions, integrity);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read the store " + url + ": " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
