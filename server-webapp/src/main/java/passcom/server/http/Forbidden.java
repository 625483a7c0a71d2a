package passcom.server.http;

/** An authenticated peer call that its signer may not make (it names another airline as its sender). Maps to 403; nothing was done. */
public final class Forbidden extends RuntimeException {
    public Forbidden(String reason) {
        super("Chamada entre servidores recusada: " + reason);
    }
}
