package passcom.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite (WAL, synchronous=FULL) behind one writer thread: {@link GroupCommit} runs every queued unit
 * inside {@code SAVEPOINT unit … RELEASE unit} (or {@code ROLLBACK TO unit} if it fails) within one
 * {@code BEGIN IMMEDIATE … COMMIT}, so a batch costs one WAL fsync however many units it carries. Since a
 * single thread writes, the write lock is never contended and the busy handler never sleeps.
 */
final class SqliteGroupCommit implements Candidate {

    /** One transaction's statements, run by the writer thread. */
    @FunctionalInterface
    interface Unit {
        void run(Connection connection) throws SQLException;
    }

    private final Shape shape;
    private final Connection connection;
    private final GroupCommit<Unit> group;

    SqliteGroupCommit(Path file, Shape shape, int maxBatch) throws SQLException {
        this.shape = shape;
        this.connection = SqliteWalFull.connect("jdbc:sqlite:" + file);
        Shape.createSchema(connection);
        this.group = new GroupCommit<>(new SavepointLog(connection), maxBatch, "sqlite-group-commit");
    }

    @Override
    public Writer writer() {
        return (txn, segment) -> group.commit(c -> shape.run(c, txn, segment));
    }

    @Override
    public String note() {
        return String.format("mean batch %.1f", group.meanBatch());
    }

    @Override
    public void close() throws Exception {
        group.close();
        connection.close();
    }

    /** The batch as one SQLite transaction, each unit under its own savepoint. */
    private static final class SavepointLog implements GroupCommit.Log<Unit> {
        private final Connection connection;
        private final Statement control;

        SavepointLog(Connection connection) throws SQLException {
            this.connection = connection;
            this.control = connection.createStatement();
        }

        @Override
        public void begin() throws SQLException {
            control.execute("BEGIN IMMEDIATE");
        }

        @Override
        public void append(Unit unit) throws SQLException {
            control.execute("SAVEPOINT unit");
            try {
                unit.run(connection);
            } catch (SQLException | RuntimeException e) {
                control.execute("ROLLBACK TO unit");
                control.execute("RELEASE unit");
                throw e;
            }
            control.execute("RELEASE unit");
        }

        @Override
        public void commit() throws SQLException {
            control.execute("COMMIT");
        }

        @Override
        public void rollback() {
            try {
                control.execute("ROLLBACK");
            } catch (SQLException e) {
                // the failed COMMIT may already have ended the transaction; nothing left to undo
            }
        }
    }
}
