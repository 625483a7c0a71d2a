package passcom.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Replaces {@code file} with {@code content} whole: written to a new file beside it, created owner-only
     * (0600) where the file system has POSIX permissions, then moved over it, so a reader sees the old file or
     * the new one, never half of one, and never a readable one. The directory is made private first.
     */
    static void replace(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path name = file.getFileName();
        if (dir == null || name == null) {
            // A root such as "/" names no file; callers that take the path from a variable say which one first.
            throw new IOException(file + " is not the path of a file");
        }
        ensurePrivate(dir);
        Path temp = posix()
                ? Files.createTempFile(dir, name.toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, name.toString(), ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
