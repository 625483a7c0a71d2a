package passcom.client.api;

import passcom.api.Codigo;

/**
 * A call that did not produce the answer asked for. Subclasses name what the customer must know: whether
 * anything may have happened on the servers. {@link #serverMessage()} is the server's {@code erro} text,
 * already in words a customer can read, or null when the server said nothing; {@link #codigo()} is the answer's
 * {@link Codigo}, the fact the subclass was chosen by, or null when no answer came.
 */
public abstract class PasscomException extends Exception {

    private final String serverMessage;
    private final Codigo codigo;

    protected PasscomException(String message, String serverMessage, Throwable cause) {
        this(message, serverMessage, null, cause);
    }

    protected PasscomException(String message, String serverMessage, Codigo codigo, Throwable cause) {
        super(message, cause);
        this.serverMessage = serverMessage;
        this.codigo = codigo;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /** What the server's answer meant, by name; null when there was no answer (no server, no response). */
    public Codigo codigo() {
        return codigo;
    }
}
