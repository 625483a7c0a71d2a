package passcom.client.api;

/** 503: the connected server could not reach an airline the request needs, so it changed nothing. */
public final class AirlineUnreachable extends PasscomException {

    public AirlineUnreachable(String serverMessage) {
        super("airline unreachable: " + serverMessage, serverMessage, null);
    }
}
