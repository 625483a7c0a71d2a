package passcom.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import org.sqlite.SQLiteConfig;

/**
 * SQLite in WAL mode with {@code synchronous=FULL}, each writer on its own connection: every commit
 * fsyncs the WAL before it returns. SQLite has one write lock per database, so writers queue on it through
 * the busy handler ({@code busy_timeout}), which polls with sleeps of 1 ms up to 100 ms rather than waking
 * the next writer when the lock is freed; the cost of that shows in the p99 column.
 *
 * <p>Transactions begin with {@code BEGIN IMMEDIATE}, so a writer waits for the lock before its first
 * statement and never has to give up a transaction it started (no lock upgrade, no SQLITE_BUSY mid-way).
 */
final class SqliteWalFull implements Candidate {

    static final int BUSY_TIMEOUT_MS = 5_000;

    private final String url;
    private final Shape shape;
    private final LongAdder busy = new LongAdder();

    SqliteWalFull(Path file, Shape shape) throws SQLException {
        this.url = "jdbc:sqlite:" + file;
        this.shape = shape;
        try (Connection connection = connect()) {
            Shape.createSchema(connection);
        }
    }

    /** A connection in WAL mode, synchronous=FULL, waiting up to {@code BUSY_TIMEOUT_MS} for the write lock. */
    static Connection connect(String url) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return DriverManager.getConnection(url, config.toProperties());
    }

    private Connection connect() throws SQLException {
        return connect(url);
    }

    @Override
    public Writer writer() throws SQLException {
        Connection connection = connect();
        Statement control = connection.createStatement();
        return new Writer() {
            @Override
            public void commit(long txn, int segment) throws SQLException {
                try {
                    control.execute("BEGIN IMMEDIATE");
                } catch (SQLException e) {
                    busy.increment();
                    throw e;
                }
                try {
                    shape.run(connection, txn, segment);
                    control.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    control.execute("ROLLBACK");
                    throw e;
                }
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    @Override
    public String note() {
        return "busy_timeout " + BUSY_TIMEOUT_MS + " ms; gave up on the lock " + busy.sum() + "×";
    }

    @Override
    public void close() {}
}
