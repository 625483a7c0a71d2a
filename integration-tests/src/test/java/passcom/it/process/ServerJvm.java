package passcom.it.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a test starts a server JVM exactly as the product's launcher does: the server jar (as {@code ./passcom}
 * runs it, not the test's class path of {@code target/classes} folders, which AppCDS cannot archive), with the
 * JVM options the launcher prints ({@code ./passcom jvm-options}: its heap and stack sizes, C1, the serial
 * collector, and the class-data archive, made ahead once per build). The launcher stays the one place those
 * options are written; this class asks it once per test JVM, with the test's own JDK as {@code JAVA_HOME} so the
 * archive it names is this JDK's.
 */
public final class ServerJvm {

    private static final long LAUNCHER_DEADLINE_SECONDS = 300; // making the archive starts a server: slow on a loaded machine
    private static List<String> launcherOptions;

    private ServerJvm() {
    }

    /** The checkout holding the launcher: failsafe runs in integration-tests/, the launcher is one level up. */
    public static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("passcom")) && Files.isDirectory(p.resolve("server-webapp"))) {
                return p;
            }
        }
        throw new AssertionError("no ./passcom launcher in " + Path.of("").toAbsolutePath() + " or above");
    }

    /**
     * {@code java <the launcher's options> <jvmOptions> -jar <server jar>}: append the server's flags. The given
     * options come after the launcher's, so they win where both set one.
     */
    public static List<String> command(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launcherOptions());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(repositoryRoot().resolve("server-webapp").resolve("target").resolve("passcom-server.jar").toString());
        return command;
    }

    private static synchronized List<String> launcherOptions() {
        if (launcherOptions == null) {
            launcherOptions = askLauncher();
        }
        return launcherOptions;
    }

    private static List<String> askLauncher() {
        ProcessBuilder builder = new ProcessBuilder("bash", repositoryRoot().resolve("passcom").toString(), "jvm-options");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PASSCOM_NO_BUILD", "1"); // the reactor built the jar; the launcher must not run Maven
        try {
            Path stderr = Files.createTempFile("passcom-jvm-options", ".log");
            try {
                Process process = builder.redirectError(stderr.toFile()).start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(LAUNCHER_DEADLINE_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new AssertionError("./passcom jvm-options failed:\n" + Files.readString(stderr, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ./passcom jvm-options", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
