package passcom.client.api;

import passcom.api.Codigo;

/**
 * The server refused the request as sent, or failed, with a code no other exception stands for (a bad request, a
 * missing login, a full store, ...): {@link #codigo()} says which, {@link #status()} is the HTTP status.
 */
public final class RequestRejected extends PasscomException {

    private final int status;

    public RequestRejected(int status, String serverMessage) {
        this(status, Codigo.forStatus(status), serverMessage);
    }

    public RequestRejected(int status, Codigo codigo, String serverMessage) {
        super("HTTP " + status + ": " + serverMessage, serverMessage, codigo, null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
