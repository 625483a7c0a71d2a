package passcom.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import passcom.core.store.TestStores.Engine;

/**
 * The SQLite store reuses each prepared statement ({@link PreparedOnce}): what one unit of work left in a
 * statement (rows batched, a result set half read, parameters) must never reach the next unit that prepares the
 * same text.
 */
class PreparedOnceTest {

    private static final String INSERT = "INSERT INTO note (id, text) VALUES (?, ?)";
    private static final String ALL = "SELECT id, text FROM note ORDER BY id";

    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(TestStores.newStoreUrl(Engine.SQLITE, "prepared-once"), Duration.ofSeconds(15));
        store.write(c -> {
            try (PreparedStatement create = c.prepareStatement("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")) {
                return create.executeUpdate();
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_unit_that_fails_after_batching_rows_leaves_none_of_them_to_the_next_unit() {
        assertThatThrownBy(() -> store.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setInt(1, 1);
                insert.setString(2, "never written");
                insert.addBatch();
                throw new SQLException("the unit fails before its batch runs");
            }
        })).isInstanceOf(StoreFailure.class).hasMessageContaining("the unit fails before its batch runs");

        store.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setInt(1, 2);
                insert.setString(2, "written");
                insert.addBatch();
                return insert.executeBatch().length;
            }
        });

        assertThat(notes()).containsExactly("2:written");
    }

    @Test
    void a_read_that_stops_after_its_first_row_still_sees_later_writes_next_time() {
        store.write(c -> insert(c, 1, "a") + insert(c, 2, "b"));
        String first = store.read(c -> {
            try (PreparedStatement all = c.prepareStatement(ALL); ResultSet rows = all.executeQuery()) {
                rows.next();
                return rows.getString(2);
            }
        });

        store.write(c -> insert(c, 3, "c"));

        assertThat(first).isEqualTo("a");
        assertThat(notes()).containsExactly("1:a", "2:b", "3:c");
    }

    @Test
    void a_text_prepared_again_while_its_statement_is_open_gets_a_statement_of_its_own() {
        store.write(c -> insert(c, 1, "a") + insert(c, 2, "b"));

        List<String> pairs = store.read(c -> {
            List<String> seen = new ArrayList<>();
            try (PreparedStatement outer = c.prepareStatement(ALL); ResultSet rows = outer.executeQuery()) {
                while (rows.next()) {
                    try (PreparedStatement inner = c.prepareStatement(ALL); ResultSet again = inner.executeQuery()) {
                        while (again.next()) {
                            seen.add(rows.getInt(1) + "-" + again.getInt(1));
                        }
                    }
                }
            }
            return seen;
        });

        assertThat(pairs).containsExactly("1-1", "1-2", "2-1", "2-2");
    }

    @Test
    void many_distinct_texts_are_evicted_without_breaking_a_statement_in_use() {
        store.write(c -> insert(c, 1, "a"));

        int counted = store.read(c -> {
            int total = 0;
            try (PreparedStatement all = c.prepareStatement(ALL); ResultSet rows = all.executeQuery()) {
                for (int i = 0; i < PreparedOnce.MAX + 10; i++) {
                    try (PreparedStatement other = c.prepareStatement("SELECT count(*) + " + i + " FROM note");
                         ResultSet count = other.executeQuery()) {
                        count.next();
                        total += count.getInt(1) - i;
                    }
                }
                rows.next();
                assertThat(rows.getString(2)).isEqualTo("a");
            }
            return total;
        });

        assertThat(counted).isEqualTo(PreparedOnce.MAX + 10);
        assertThat(notes()).containsExactly("1:a");
    }

    private static int insert(Connection c, int id, String text) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setInt(1, id);
            insert.setString(2, text);
            return insert.executeUpdate();
        }
    }

    private List<String> notes() {
        return store.read(c -> {
            List<String> notes = new ArrayList<>();
            try (PreparedStatement all = c.prepareStatement(ALL); ResultSet rows = all.executeQuery()) {
                while (rows.next()) {
                    notes.add(rows.getInt(1) + ":" + rows.getString(2));
                }
            }
            return notes;
        });
    }
}
