package passcom.client.api;

/**
 * The session can no longer be renewed: its refresh token was refused (expired, revoked by a logout, or
 * already traded), or the customer logged out. The customer must log in again; nothing else changed.
 */
public final class SessionEnded extends PasscomException {

    public SessionEnded(String serverMessage) {
        super("session ended" + (serverMessage == null ? "" : ": " + serverMessage), serverMessage, null);
    }
}
