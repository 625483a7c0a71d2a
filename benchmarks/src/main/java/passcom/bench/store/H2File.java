package passcom.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Today's engine, as {@code passcom.core.store.Database} opens it: an H2 file with {@code WRITE_DELAY=0}
 * and {@code LOCK_TIMEOUT=2000}, each writer on its own connection. H2 2.x is always MVCC (MVStore; the
 * old {@code MVCC} URL setting is gone). {@code WRITE_DELAY=0} writes each commit to the file before
 * returning, but the MVStore does not fsync on commit, so an acknowledged commit survives a killed process
 * (the OS still has it) and not a lost machine; the strace counts in docs/history/storage-candidates.md show it.
 */
final class H2File implements Candidate {

    private final String url;
    private final Shape shape;

    H2File(Path dir, Shape shape) throws SQLException {
        this.url = url(dir.resolve("h2"));
        this.shape = shape;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            Shape.createSchema(connection);
        }
    }

    /** The URL {@code Database.open} would use for a file store at {@code base} (no extension). */
    static String url(Path base) {
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;LOCK_TIMEOUT=2000;QUERY_CACHE_SIZE=64";
    }

    @Override
    public Writer writer() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "sa", "");
        connection.setAutoCommit(false);
        return new Writer() {
            @Override
            public void commit(long txn, int segment) throws SQLException {
                try {
                    shape.run(connection, txn, segment);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
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
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }
}
