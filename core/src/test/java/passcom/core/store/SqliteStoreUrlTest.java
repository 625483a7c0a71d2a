package passcom.core.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A SQLite URL that names no file is refused with a message saying so, never a bare NullPointerException. */
class SqliteStoreUrlTest {

    @Test
    void when_the_sqlite_url_names_the_root_directory_then_opening_fails_saying_it_names_no_file() {
        assertThatThrownBy(() -> Store.open("jdbc:sqlite:/", Duration.ofSeconds(1)))
                .isInstanceOf(StoreFailure.class)
                .hasMessageContaining("jdbc:sqlite:/")
                .hasMessageContaining("names no file");
    }
}
