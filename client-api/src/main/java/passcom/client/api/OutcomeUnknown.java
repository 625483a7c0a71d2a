package passcom.client.api;

/**
 * A purchase or cancellation reached {@link #server()} but no answer came back (timeout, dropped
 * connection): it may or may not have happened. Never report it as a failure. Retrying the purchase on the
 * same server with the same {@link #idPedido()} returns the first outcome and never buys twice; listing the
 * CPF's tickets tells the truth as well.
 */
public final class OutcomeUnknown extends PasscomException {

    private final ServerEndpoint server;
    private final String idPedido;

    public OutcomeUnknown(ServerEndpoint server, String idPedido, Throwable cause) {
        super("no answer from " + server + " for request " + idPedido, null, cause);
        this.server = server;
        this.idPedido = idPedido;
    }

    public ServerEndpoint server() {
        return server;
    }

    /** The purchase's idempotency key, or null for a cancellation. */
    public String idPedido() {
        return idPedido;
    }
}
