package passcom.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The airline's embedded H2 store and the one way to change it: {@link #inTransaction}, a local ACID
 * transaction that is durable when it returns. H2 because it is pure Java (nothing native to install),
 * has row-level MVCC locking like PostgreSQL, and with {@code WRITE_DELAY=0} writes every commit to the
 * file before returning, so an acknowledged change survives {@code kill -9} of the process.
 *
 * <p>Thread-safe. Conflicts between concurrent transactions (lock timeouts, concurrent updates of one
 * row) roll back and retry the whole unit of work, so callers write plain conditional SQL.
 */
public final class Database implements AutoCloseable {

    /** H2 error codes that mean "another transaction got there first: try again" (23505: a concurrent duplicate insert; every unit of work checks for the row first, so the retry takes the existing-row path). */
    private static final Set<Integer> RETRYABLE = Set.of(90131, 50200, 40001, 23505);
    private static final int MAX_ATTEMPTS = 100;

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the store at {@code jdbcUrl} and applies the schema. */
    public static Database open(String jdbcUrl) {
        String url = jdbcUrl;
        if (url.startsWith("jdbc:h2:file:")) {
            url = withDefault(url, "WRITE_DELAY", "0");
        }
        url = withDefault(url, "LOCK_TIMEOUT", "2000");
        url = withDefault(url, "QUERY_CACHE_SIZE", "64");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        Database database = new Database(pool);
        database.applySchema();
        return database;
    }

    /**
     * Adds an H2 setting unless the URL names it. QUERY_CACHE_SIZE: each pooled session keeps the parsed form
     * of its last N statements; H2's default of 8 is fewer than the distinct statements of one purchase, so
     * without it nearly every prepareStatement parsed its SQL again.
     */
    private static String withDefault(String url, String setting, String value) {
        return url.toUpperCase().contains(";" + setting + "=") ? url : url + ";" + setting + "=" + value;
    }

    /** A unit of work inside one local transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits. Returns once the commit is durable. Retries the
     * whole unit on a write conflict; any other failure rolls back and is rethrown unchecked.
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!RETRYABLE.contains(e.getErrorCode()) || attempt == MAX_ATTEMPTS) {
                    throw new StoreFailure("store operation failed: " + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while retrying a store operation", e);
        }
    }

    private void applySchema() {
        String schema;
        try (InputStream in = Database.class.getResourceAsStream("/passcom/store/schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : schema.replaceAll("(?m)--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
