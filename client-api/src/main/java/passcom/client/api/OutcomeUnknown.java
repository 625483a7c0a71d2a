package passcom.client.api;

import passcom.api.Codigo;

/**
 * A purchase or cancellation reached {@link #server()} but no definite answer came back (timeout, dropped
 * connection, {@code EM_ANDAMENTO} "still being decided", {@code DESCONHECIDO} an unexpected server failure):
 * it may or may not have happened. Never report it as a failure. Retrying the purchase on the
 * same server with the same {@link #idPedido()} returns the first outcome and never buys twice; listing the
 * CPF's tickets tells the truth as well.
 */
public final class OutcomeUnknown extends PasscomException {

    private final ServerEndpoint server;
    private final String idPedido;

    public OutcomeUnknown(ServerEndpoint server, String idPedido, Throwable cause) {
        this(server, idPedido, null, cause);
    }

    /** @param codigo the answer's code ({@code EM_ANDAMENTO}, {@code DESCONHECIDO}), or null when none came */
    public OutcomeUnknown(ServerEndpoint server, String idPedido, Codigo codigo, Throwable cause) {
        super((codigo == null ? "no answer from " : codigo + " from ") + server + " for request " + idPedido, null, codigo, cause);
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
