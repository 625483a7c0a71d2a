package passcom.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates an airline's data directory before its store is opened. Several instances of one airline may
 * start at once with the same directory (or the same parent), so another process creating it first is
 * normal, not an error.
 */
final class DataDirectory {

    private DataDirectory() {
    }

    /** @throws IllegalStateException naming the path when it is a regular file or cannot be created */
    static Path create(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        try {
            try {
                Files.createDirectories(path);
            } catch (FileAlreadyExistsException e) {
                // createDirectories checks, then creates each missing parent: another process creating one
                // between the two makes some JDKs report it as existing. Once it is a directory, a second
                // pass finds it and goes on; if it is a file, the second pass fails the same way.
                Path existing = e.getFile() == null ? path : Path.of(e.getFile());
                if (!Files.isDirectory(existing)) {
                    throw notADirectory(existing);
                }
                Files.createDirectories(path);
            }
        } catch (FileAlreadyExistsException e) {
            throw notADirectory(e.getFile() == null ? path : Path.of(e.getFile()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + path + ": " + e);
        }
        return path;
    }

    private static IllegalStateException notADirectory(Path path) {
        return new IllegalStateException("the data directory " + path + " exists and is not a directory");
    }
}
