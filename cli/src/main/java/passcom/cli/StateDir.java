package passcom.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The CLI's own directory for what it keeps between runs: {@code $XDG_STATE_HOME/passcom}, else
 * {@code ~/.local/state/passcom} (XDG Base Directory Specification: "state" is data that should persist
 * between restarts but is not important enough for the data directory). It may hold a session's tokens, so
 * it is made readable by its owner only (0700) where the file system has POSIX permissions.
 */
final class StateDir {

    private StateDir() {
    }

    static Path of(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return base.resolve("passcom");
    }

    /** Creates {@code dir} (and its parents) if needed and leaves it owner-only (0700). */
    static void ensurePrivate(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
