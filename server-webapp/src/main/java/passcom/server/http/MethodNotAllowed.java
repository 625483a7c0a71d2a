package passcom.server.http;

/** The path exists but answers only another HTTP method. Maps to 405. */
public final class MethodNotAllowed extends RuntimeException {
    public MethodNotAllowed(String used, String allowed) {
        super("Método " + used + " não permitido aqui; use " + allowed);
    }
}
