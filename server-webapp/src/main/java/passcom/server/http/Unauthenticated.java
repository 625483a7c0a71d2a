package passcom.server.http;

/** A server-to-server call without a valid federation signature. Maps to 401; nothing was done. */
public final class Unauthenticated extends RuntimeException {
    public Unauthenticated(String reason) {
        super("Chamada entre servidores não autenticada: " + reason);
    }
}
