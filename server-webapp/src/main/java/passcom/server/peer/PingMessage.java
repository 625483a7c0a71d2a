package passcom.server.peer;

/** The /ping_servidor answer: who answered. */
public record PingMessage(String companhia) {
}
