package passcom.server;

import java.nio.file.Path;

/**
 * Server configs for tests that start real servers. Core on this branch still opens H2 while its SQLite and
 * PostgreSQL store is being written on another branch; until the SQLite driver is on the classpath, the
 * tests point the server at an H2 file in the same data directory. Once it is, they use the real default.
 */
public final class TestServers {

    private TestServers() {
    }

    public static ServerConfig config(String airline, Path dataDir) {
        ServerConfig config = ServerConfig.forTest(airline, dataDir);
        if (sqliteDriverPresent()) {
            return config;
        }
        return config.withDbUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("passcom")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    private static boolean sqliteDriverPresent() {
        try {
            Class.forName("org.sqlite.JDBC");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
