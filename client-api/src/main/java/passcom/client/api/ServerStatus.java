package passcom.client.api;

/** What the last health poll saw of a server. */
public enum ServerStatus {
    /** Not polled yet. */
    UNKNOWN,
    /** {@code GET /saude} answered 200. */
    UP,
    /** No answer in time, or an error status. */
    DOWN
}
