package passcom.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void the_current_version_is_the_newest_migration_file() throws IOException, URISyntaxException {
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest = 0;
        try (Stream<Path> files = Files.list(Path.of(Migrations.class.getResource("/db/migration").toURI()))) {
            for (Path f : files.toList()) {
                Matcher m = versioned.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertThat(Migrations.CURRENT).as("Migrations.CURRENT against db/migration").isEqualTo(newest);
    }

    @Test
    void a_new_store_gets_every_version_and_is_then_current() throws SQLException {
        SQLiteDataSource store = sqlite("new.db");
        assertThat(Migrations.isCurrent(store)).isFalse();

        Migrations.apply(store);

        assertThat(appliedVersions(store)).hasSize(Migrations.CURRENT);
        assertThat(Migrations.isCurrent(store)).isTrue();
    }

    @Test
    void a_store_one_version_behind_is_migrated_on_open() throws SQLException {
        SQLiteDataSource store = sqlite("old.db");
        Flyway.configure().dataSource(store).locations("classpath:db/migration").target(Integer.toString(Migrations.CURRENT - 1))
                .load().migrate();
        assertThat(Migrations.isCurrent(store)).isFalse();

        Migrations.apply(store);

        assertThat(appliedVersions(store)).last().isEqualTo(Integer.toString(Migrations.CURRENT));
        assertThat(Migrations.isCurrent(store)).isTrue();
    }

    @Test
    void a_failed_migration_in_the_history_is_never_taken_for_current() throws SQLException {
        SQLiteDataSource store = sqlite("failed.db");
        Migrations.apply(store);
        try (Connection c = store.getConnection()) {
            c.createStatement().executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '" + Migrations.CURRENT + "'");
        }

        assertThat(Migrations.isCurrent(store)).isFalse();
    }

    private SQLiteDataSource sqlite(String name) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve(name));
        return ds;
    }

    private static List<String> appliedVersions(SQLiteDataSource store) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = store.getConnection();
                ResultSet r = c.createStatement().executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success ORDER BY installed_rank")) {
            while (r.next()) {
                versions.add(r.getString(1));
            }
        }
        return versions;
    }
}
