package passcom.core.route;

/** The network file is wrong; the message names the entry (e.g. "segments[3]: unknown city 'Recif'"). */
public final class InvalidNetwork extends RuntimeException {
    public InvalidNetwork(String message) {
        super(message);
    }

    public InvalidNetwork(String message, Throwable cause) {
        super(message, cause);
    }
}
