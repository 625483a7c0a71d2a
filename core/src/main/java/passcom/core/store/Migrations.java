package passcom.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema's versions (src/main/resources/db/migration), applied by Flyway before the store opens.
 *
 * <p>A reopened store whose history already records every version this build has is not handed to Flyway: one
 * query on Flyway's own history table answers that, where Flyway's scan of the classpath and its validation took
 * about a quarter of a server's start-up (docs/PERFORMANCE.md, "Start-up"). Anything else (a new store, one a
 * version behind, a failed migration in its history, no history table, any error reading it) goes to Flyway as
 * before, which migrates, validates the checksums of what it applied, or refuses. So the checksums are checked
 * whenever a migration runs, not on every reopen of a store already current.
 */
final class Migrations {

    /** The newest migration's version; {@code MigrationsTest} checks it against the files. */
    static final int CURRENT = 4;

    private Migrations() {
    }

    static void apply(DataSource dataSource) {
        if (isCurrent(dataSource)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    /**
     * Whether Flyway's history records versions 1 to {@link #CURRENT}, each applied successfully, and nothing
     * failed or newer: exactly the state in which Flyway's migrate would find nothing to do.
     */
    static boolean isCurrent(DataSource dataSource) {
        Set<String> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (r.next()) {
                if (!r.getBoolean(2) || !applied.add(r.getString(1))) {
                    return false;
                }
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
        Set<String> wanted = new HashSet<>();
        for (int v = 1; v <= CURRENT; v++) {
            wanted.add(Integer.toString(v));
        }
        return applied.equals(wanted);
    }
}
