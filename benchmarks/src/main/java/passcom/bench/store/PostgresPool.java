package passcom.bench.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL through a HikariCP pool of 32, each commit on a connection borrowed for it. Requires the
 * server's {@code fsync=on} and {@code synchronous_commit=on} and refuses to measure otherwise, so a
 * commit returns only after the WAL is flushed. PostgreSQL's WAL writer and backends already group
 * concurrent commits into one flush on their own (and {@code commit_delay} could widen the group).
 */
final class PostgresPool implements Candidate {

    static final int POOL_SIZE = 32;

    private final HikariDataSource pool;
    private final Shape shape;
    private final String settings;

    PostgresPool(String jdbcUrl, Shape shape) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setAutoCommit(false);
        config.setPoolName("passcom-bench");
        this.pool = new HikariDataSource(config);
        this.shape = shape;
        try (Connection connection = pool.getConnection()) {
            this.settings = "fsync=" + show(connection, "fsync") + " synchronous_commit="
                    + show(connection, "synchronous_commit") + " wal_sync_method=" + show(connection, "wal_sync_method");
            if (!settings.startsWith("fsync=on synchronous_commit=on")) {
                pool.close();
                throw new IllegalStateException("PostgreSQL is not durable on commit: " + settings);
            }
            Shape.createSchema(connection);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public Writer writer() {
        return (txn, segment) -> {
            try (Connection connection = pool.getConnection()) {
                try {
                    shape.run(connection, txn, segment);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        };
    }

    @Override
    public String note() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }
}
