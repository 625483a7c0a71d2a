package passcom.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where sqlite-jdbc loads its native library from. Left to itself, the driver copies the library out of its jar into
 * the temporary directory on every start, reads both copies back byte by byte to compare them, and lists the whole
 * temporary directory for copies older runs left behind: 16 % of a server's start-up CPU (docs/PERFORMANCE.md,
 * "Start-up and the JVM").
 *
 * <p>Given a directory in the system property {@value #DIRECTORY_PROPERTY} (the launcher passes one beside its
 * class-data archive), the library is copied there once, into a folder named after the driver's version and the
 * platform, and every later start loads it from there through the driver's own properties {@code org.sqlite.lib.path}
 * and {@code org.sqlite.lib.name} (its temporary directory, {@code org.sqlite.tmpdir}, becomes that folder too, so
 * the driver's clean-up lists one small folder instead of the machine's temporary directory). A new driver version
 * gets a folder of its own, so a copy from another version is never loaded. The copy is written under a name of its
 * own and moved into place, so a crash mid-copy never leaves a truncated library and servers started at once race
 * harmlessly.
 *
 * <p>Failures never stop a start: if the folder cannot be written, nothing is set and the driver copies the library
 * into the temporary directory as usual; if the library there does not load (a damaged file), the driver says so on
 * its log and falls back to that same copy. Without the property nothing changes (tests, embedded use).
 * Thread-safe; only the first call in a process does anything, as the driver loads its library once per process.
 */
final class SqliteNativeLibrary {

    /** The directory the library is kept in, e.g. {@code server-webapp/target/native}. */
    static final String DIRECTORY_PROPERTY = "passcom.sqlite.libdir";
    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";
    private static final String DRIVER_TEMP = "org.sqlite.tmpdir";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static boolean decided;

    private SqliteNativeLibrary() {
    }

    /** Points the driver at the kept copy, making it first if needed; call before the first SQLite connection. */
    static synchronized void useKeptCopy() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (decided || directory == null || directory.isBlank() || System.getProperty(LIB_PATH) != null) {
            decided = true;
            return;
        }
        decided = true;
        Path folder = Path.of(directory, folderName());
        String name = LibraryLoaderUtil.getNativeLibName();
        Path library = folder.resolve(name);
        try {
            if (!Files.isRegularFile(library)) {
                copyOutOfJar(folder, name, library);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("SQLite's native library could not be kept in {} ({}); the driver copies it to the temporary directory instead",
                    folder, e.toString());
            return;
        }
        System.setProperty(LIB_PATH, folder.toString());
        System.setProperty(LIB_NAME, name);
        System.setProperty(DRIVER_TEMP, folder.toString());
    }

    /** One folder per driver version and platform, e.g. {@code sqlite-jdbc-3.53.4.0-linux-amd64}. */
    static String folderName() {
        String platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        return "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    private static void copyOutOfJar(Path folder, String name, Path library) throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Files.createDirectories(folder);
        // Not named "sqlite-<version>...": the driver's clean-up deletes such files in its temporary directory.
        Path partial = Files.createTempFile(folder, name + ".", ".partial");
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the driver's jar has no " + resource);
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        LOG.info("SQLite's native library kept in {} for later starts", library);
    }
}
