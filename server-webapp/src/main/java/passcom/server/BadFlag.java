package passcom.server;

/** A command-line flag or PASSCOM_* variable is wrong; the message says which and why. Exit code 2. */
public final class BadFlag extends RuntimeException {
    public BadFlag(String message) {
        super(message);
    }
}
