package passcom.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite native library kept in a folder of its own ({@link SqliteNativeLibrary}): copied there on the first
 * start, loaded from there later, and a folder that cannot be written or a damaged copy never stops a store from
 * opening. The driver loads its library once per process, so each case runs a JVM of its own ({@link OpenStore}).
 */
class SqliteNativeLibraryTest {

    @TempDir
    Path dir;

    @Test
    void when_the_folder_is_empty_then_the_library_is_copied_there_and_loaded_from_there_on_every_start() throws Exception {
        Path libdir = dir.resolve("native");
        Run first = openStore(libdir, "first.db");
        Path kept = libdir.resolve(SqliteNativeLibrary.folderName());
        assertThat(first.exit).as(first.output).isZero();
        assertThat(first.output).contains("rows=1").contains("lib.path=" + kept);
        assertThat(Files.list(kept).map(p -> p.getFileName().toString()).toList()).as("no partial copy left").hasSize(1);
        long copiedAt = Files.getLastModifiedTime(Files.list(kept).findFirst().orElseThrow()).toMillis();

        Run again = openStore(libdir, "first.db");
        assertThat(again.exit).as(again.output).isZero();
        assertThat(again.output).contains("rows=2").contains("lib.path=" + kept);
        assertThat(Files.getLastModifiedTime(Files.list(kept).findFirst().orElseThrow()).toMillis()).as("not copied again").isEqualTo(copiedAt);
    }

    @Test
    void when_the_kept_copy_is_damaged_then_the_driver_falls_back_to_its_own_copy_and_the_store_opens() throws Exception {
        Path libdir = dir.resolve("native");
        Path kept = libdir.resolve(SqliteNativeLibrary.folderName());
        Files.createDirectories(kept);
        Files.writeString(kept.resolve(System.mapLibraryName("sqlitejdbc")), "not a shared library", StandardCharsets.UTF_8);
        Run run = openStore(libdir, "damaged.db");
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("rows=1");
    }

    @Test
    void when_the_folder_cannot_be_made_then_the_driver_copies_the_library_as_usual_and_the_store_opens() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
        Run run = openStore(notADirectory.resolve("native"), "plain.db");
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("rows=1").contains("lib.path=null");
    }

    private record Run(int exit, String output) {
    }

    private Run openStore(Path libdir, String db) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + SqliteNativeLibrary.DIRECTORY_PROPERTY + "=" + libdir,
                OpenStore.class.getName(), dir.resolve(db).toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the store did not open within 60 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Opens a store, writes a row durably, counts the rows, and says where the driver was told to load from. */
    public static final class OpenStore {
        public static void main(String[] args) throws Exception {
            try (Store store = Store.open("jdbc:sqlite:" + args[0], Duration.ofSeconds(30))) {
                store.write(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE IF NOT EXISTS probe (n INTEGER)");
                        s.execute("INSERT INTO probe VALUES (1)");
                    }
                    return null;
                });
                int rows = store.read(c -> {
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM probe")) {
                        r.next();
                        return r.getInt(1);
                    }
                });
                System.out.println("rows=" + rows + " lib.path=" + System.getProperty("org.sqlite.lib.path"));
            }
        }
    }
}
