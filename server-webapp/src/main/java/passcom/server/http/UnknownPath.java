package passcom.server.http;

/** No endpoint at this path. Maps to 404. */
public final class UnknownPath extends RuntimeException {
    public UnknownPath(String path) {
        super("Caminho desconhecido: " + path);
    }
}
