package passcom.client;

import passcom.client.api.ServerEndpoint;
import passcom.client.api.ServerStatus;
import passcom.client.i18n.Messages;

/**
 * The window's bottom line about the server the client talks to, following that server's health dot: "connected"
 * only once its health check answered. A server that refuses the connection (a certificate this computer does not
 * trust, nothing listening) has a red dot and a banner saying why; the line must not call it connected meanwhile.
 */
final class ConnectionLine {

    private ConnectionLine() {
    }

    static String text(ServerEndpoint server, ServerStatus status) {
        return Messages.get(switch (status) {
            case UP -> "server.connected";
            case DOWN -> "server.notConnected";
            case UNKNOWN -> "server.connecting";
        }, server);
    }
}
