package passcom.client.api;

/** The client moved from one server to another because {@code from} stopped answering. */
public record Failover(ServerEndpoint from, ServerEndpoint to) {
}
