package passcom.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh stores for tests, on each engine. PostgreSQL comes from {@code PASSCOM_TEST_PG_URL} (a JDBC URL to
 * a server where the user may create databases; {@code ./passcom test} starts a throwaway cluster and sets
 * it). Without it the PostgreSQL cases are skipped on a developer's machine, but fail in CI, so a CI run can
 * never pass on SQLite alone.
 */
public final class TestStores {

    public enum Engine { SQLITE, POSTGRESQL }

    private TestStores() {
    }

    /** The engines to run the store's contract and scenarios on here. */
    public static List<Engine> engines() {
        if (postgresBaseUrl() != null) {
            return List.of(Engine.SQLITE, Engine.POSTGRESQL);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("PASSCOM_TEST_PG_URL is not set: in CI the tests must run on PostgreSQL too (run ./passcom test)");
        }
        return List.of(Engine.SQLITE);
    }

    public static String postgresBaseUrl() {
        String url = System.getenv("PASSCOM_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /** A JDBC URL of a new, empty store on {@code engine}. */
    public static String newStoreUrl(Engine engine, String name) {
        return switch (engine) {
            case SQLITE -> "jdbc:sqlite:" + tempDir(name).resolve("passcom.db");
            case POSTGRESQL -> newPostgresDatabase(name);
        };
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("passcom-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a database named after {@code name} on the test server and returns its URL. */
    public static String newPostgresDatabase(String name) {
        String base = postgresBaseUrl();
        if (base == null) {
            throw new IllegalStateException("PASSCOM_TEST_PG_URL is not set");
        }
        String database = ("t_" + name + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database + " at " + base + ": " + e.getMessage(), e);
        }
        return base.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }
}
