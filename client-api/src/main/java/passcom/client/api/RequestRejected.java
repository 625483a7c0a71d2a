package passcom.client.api;

/** The server answered 4xx (other than 401, 409 and 429) or 5xx (other than 503): it refused the request as sent. */
public final class RequestRejected extends PasscomException {

    private final int status;

    public RequestRejected(int status, String serverMessage) {
        super("HTTP " + status + ": " + serverMessage, serverMessage, null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
