package passcom.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Store failures a fault harness can switch on in a running server, so that the real failure path is taken
 * (the commit fails, every unit in it gets {@link StoreFailure}, the customer 503, nothing acknowledged).
 *
 * <p>Off unless the JVM was started with {@code -Dpasscom.faults.dir=DIR} (read once): then, before each
 * commit, the file {@code DIR/store-fault} is read: {@code fail-next} fails this commit and deletes the file;
 * {@code disk-full} and {@code read-only} fail every commit, as SQLite's SQLITE_FULL and SQLITE_READONLY
 * would, until the harness deletes the file. Without the property, {@link #beforeCommit} is one static
 * field read. Injected before the commit of a write on both stores: SQLite's batch ({@link SqliteStore}), and
 * each write transaction of {@link PostgresStore}, which then rolls back (per process: of several instances
 * sharing a database, only the one whose switch is set fails).
 */
public final class StoreFaults {

    static final String FILE = "store-fault";
    private static final Optional<Path> SWITCHES = Optional.ofNullable(System.getProperty("passcom.faults.dir")).map(Path::of);

    private StoreFaults() {
    }

    /** Throws the injected failure, if one is switched on; called just before a commit. */
    static void beforeCommit() throws SQLException {
        if (SWITCHES.isEmpty()) {
            return;
        }
        Path file = SWITCHES.get().resolve(FILE);
        String fault;
        try {
            if (!Files.exists(file)) {
                return;
            }
            fault = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return;
        }
        switch (fault) {
            case "fail-next" -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // fails again next time; the harness deletes it too
                }
                throw new SQLException("injected: the next store write fails");
            }
            case "disk-full" -> throw new SQLException("[SQLITE_FULL] database or disk is full (injected)");
            case "read-only" -> throw new SQLException("[SQLITE_READONLY] attempt to write a readonly database (injected)");
            default -> {
                // unknown switch: ignore rather than fail a production write on a typo
            }
        }
    }
}
