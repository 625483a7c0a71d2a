package passcom.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import passcom.core.time.Sleeper;
import passcom.core.time.Ticker;

/**
 * An airline's store in PostgreSQL, which several instances of the airline may share. Each unit of work
 * is one transaction on a pooled connection; a commit returns once PostgreSQL has flushed its WAL
 * ({@code synchronous_commit} on, its default), and PostgreSQL groups concurrent commits into one flush
 * itself. Row locks make concurrent writers safe ({@link Dialect#POSTGRESQL}); {@code lock_timeout} and
 * {@code statement_timeout} keep every call within the deadline.
 */
final class PostgresStore implements Store {

    /** serialization_failure, deadlock_detected, unique_violation (two writers inserted the same key; the retry sees the row). */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");
    private static final int MAX_ATTEMPTS = 3;

    private volatile StoreListener listener = StoreListener.NONE;
    private final HikariDataSource pool;
    private final Duration deadline;
    private final Ticker ticker;
    private final Sleeper sleeper;

    private PostgresStore(HikariDataSource pool, Duration deadline, Ticker ticker, Sleeper sleeper) {
        this.pool = pool;
        this.deadline = deadline;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** {@code ticker} and {@code sleeper} time the retries of a serialization failure or deadlock (tests move them). */
    static PostgresStore open(String jdbcUrl, Duration deadline, Ticker ticker, Sleeper sleeper) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("store");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(Math.max(250, deadline.toMillis()));
        config.setInitializationFailTimeout(Math.max(1000, deadline.toMillis()));
        long statementMillis = Math.max(100, deadline.toMillis() / 2);
        config.setConnectionInitSql("SET synchronous_commit = on; SET lock_timeout = '" + statementMillis
                + "ms'; SET statement_timeout = '" + deadline.toMillis() + "ms'");
        config.setAutoCommit(false);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreFailure("could not connect to the store " + redacted(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            Migrations.apply(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreFailure("could not migrate the store " + redacted(jdbcUrl) + ": " + e.getMessage(), e);
        }
        return new PostgresStore(pool, deadline, ticker, sleeper);
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public <T> T write(Work<T> work) {
        long began = System.nanoTime();
        T result = transaction(work, true);
        listener.committed(1, System.nanoTime() - began);
        return result;
    }

    /**
     * {@code SET LOCAL synchronous_commit = off} for this one transaction: committed and visible to every
     * instance at once, flushed by the WAL writer within a few hundred ms or by the next synchronous commit
     * (PostgreSQL's WAL is flushed in order). A PostgreSQL crash before that loses it; an instance's crash does not.
     */
    @Override
    public <T> T writeUnforced(Work<T> work) {
        return write(connection -> {
            try (Statement lazy = connection.createStatement()) {
                lazy.execute("SET LOCAL synchronous_commit = off");
            }
            return work.run(connection);
        });
    }

    @Override
    public void observe(StoreListener listener) {
        this.listener = listener;
    }

    @Override
    public <T> T read(Work<T> work) {
        return transaction(work, false);
    }

    private <T> T transaction(Work<T> work, boolean write) {
        long giveUp = ticker.read() + deadline.toNanos();
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                // (No setReadOnly: the pool's connections are handed out with a transaction already open by
                // the init SQL, and PostgreSQL refuses to change read-only in the middle of one.)
                try {
                    T result = work.run(connection);
                    if (write) {
                        StoreFaults.beforeCommit(); // a fault harness's injected failure (off unless -Dpasscom.faults.dir)
                    }
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (e.getSQLState() == null || !RETRYABLE.contains(e.getSQLState()) || attempt == MAX_ATTEMPTS || ticker.read() - giveUp > 0) {
                    throw new StoreFailure("store operation failed: " + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while retrying a store operation", e);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public Duration deadline() {
        return deadline;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() {
        pool.close();
    }
}
