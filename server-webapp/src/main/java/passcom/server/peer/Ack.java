package passcom.server.peer;

/** The answer to a phase-two message once it is applied (or was already): {"resultado":"ok"}. */
public record Ack(String resultado) {
    public static final Ack OK = new Ack("ok");
}
