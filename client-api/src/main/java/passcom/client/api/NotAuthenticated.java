package passcom.client.api;

import passcom.api.Codigo;

/**
 * 401: the server did not accept who the caller says they are. On {@code /login} that is a wrong CPF or
 * password, or a locked account (the server says the same words for each, on purpose); on a call with a
 * token, an expired, revoked or foreign token, or no token where one is needed. Nothing was done.
 */
public final class NotAuthenticated extends PasscomException {

    public NotAuthenticated(String serverMessage) {
        super("not authenticated: " + serverMessage, serverMessage, Codigo.NAO_AUTENTICADO, null);
    }
}
