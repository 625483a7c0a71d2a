package passcom.core.txn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Named steps of the protocol at which a fault harness can make this process die, as {@code kill -9} would
 * there: {@link Runtime#halt} runs no shutdown hook and flushes nothing, so only what is durable survives.
 *
 * <p>Off unless the JVM was started with {@code -Dpasscom.faults.dir=DIR} (read once, at class load): then
 * each {@link #reach} checks for the file {@code DIR/crash-point}; when it names this point, the file is
 * deleted (so the restarted process does not halt again) and the process halts with status 137. The harness
 * arms a point by writing that file (atomically, by rename) while the server runs. Without the property,
 * {@link #reach} is one static field read. Thread-safe.
 */
public final class CrashPoints {

    /** The steps, in protocol order. */
    public enum Point {
        /** Purchase: every participant voted Held, the coordinator has not yet written its decision. */
        AFTER_HOLDS,
        /** Purchase: the COMMIT decision (and booking) is durable, no COMMIT has been sent yet. */
        AFTER_DECISION,
        /** A COMMIT was acknowledged by one participant; the others', and the outbox clean-up, are still to come. */
        MID_CONFIRMS,
        /** An ABORT decision is durable and its release is about to be sent to a participant still holding seats. */
        DURING_RELEASE,
        /** Cancellation: every airline marked the booking's seats, the coordinator has not yet decided. */
        DURING_CANCELLATION
    }

    static final String PROPERTY = "passcom.faults.dir";
    static final String FILE = "crash-point";
    private static final Optional<Path> ARMING = Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of);

    private CrashPoints() {
    }

    /** Halts the process here if the harness armed {@code point}; otherwise returns at once. */
    public static void reach(Point point) {
        if (ARMING.isEmpty()) {
            return;
        }
        Path file = ARMING.get().resolve(FILE);
        try {
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).strip().equals(point.name())) {
                return;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            return; // being rewritten by the harness: not armed for this reach
        }
        System.err.println("CRASH POINT " + point + " reached: halting (harness fault injection)");
        System.err.flush();
        Runtime.getRuntime().halt(137);
    }
}
