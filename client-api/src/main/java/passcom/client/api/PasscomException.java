package passcom.client.api;

/**
 * A call that did not produce the answer asked for. Subclasses name what the customer must know: whether
 * anything may have happened on the servers. {@link #serverMessage()} is the server's {@code erro} text,
 * already in words a customer can read, or null when the server said nothing.
 */
public abstract class PasscomException extends Exception {

    private final String serverMessage;

    protected PasscomException(String message, String serverMessage, Throwable cause) {
        super(message, cause);
        this.serverMessage = serverMessage;
    }

    public String serverMessage() {
        return serverMessage;
    }
}
