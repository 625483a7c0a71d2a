package passcom.client.api;

/**
 * The TLS handshake with {@link #server()} failed, so nothing was sent to it: its certificate is not signed
 * by an authority this client trusts, names another host, or the server does not speak TLS at all. Never
 * retried blindly: only the person can decide whom to trust. {@link #serverMessage()} says it in Portuguese.
 */
public final class UntrustedServer extends PasscomException {

    /** What was wrong, for a client to word it in its own language. */
    public enum Reason {
        /** Signed by no authority this client trusts (another federation's CA, or self-signed). */
        UNKNOWN_AUTHORITY,
        /** Trusted, but issued for another host than the one in the server's URL. */
        WRONG_HOST,
        /** Out of its validity dates (expired, or this computer's clock is wrong). */
        EXPIRED,
        /** The address answers, but not with TLS (an {@code https://} URL of a plain HTTP server), or the handshake failed otherwise. */
        NO_TLS
    }

    private final ServerEndpoint server;
    private final Reason reason;

    public UntrustedServer(ServerEndpoint server, Reason reason, Throwable cause) {
        super("TLS handshake with " + server + " failed: " + reason, message(server, reason), cause);
        this.server = server;
        this.reason = reason;
    }

    public ServerEndpoint server() {
        return server;
    }

    public Reason reason() {
        return reason;
    }

    private static String message(ServerEndpoint server, Reason reason) {
        String where = "o servidor " + server.id() + " (" + server.uri() + ")";
        return switch (reason) {
            case UNKNOWN_AUTHORITY -> "Conexão recusada: " + where + " apresentou um certificado que este computador não reconhece. "
                    + "Pode ser outro servidor se passando por ele. Se a federação usa a própria autoridade certificadora, "
                    + "indique o certificado dela em PASSCOM_CA (ou --ca). Nada foi enviado.";
            case WRONG_HOST -> "Conexão recusada: o certificado de " + where + " foi emitido para outro endereço. "
                    + "Confira o endereço do servidor. Nada foi enviado.";
            case EXPIRED -> "Conexão recusada: o certificado de " + where + " está vencido ou ainda não vale. "
                    + "Confira a data e a hora deste computador; se estiverem certas, avise a companhia. Nada foi enviado.";
            case NO_TLS -> "Conexão recusada: " + where + " não respondeu com uma conexão segura (HTTPS). "
                    + "Confira se o endereço começa com http:// ou https://. Nada foi enviado.";
        };
    }
}
