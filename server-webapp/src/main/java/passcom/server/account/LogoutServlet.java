package passcom.server.account;

import passcom.api.PedidoRenovacao;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** POST /logout: revokes the refresh token at its home (204, idempotent). The access token lapses within 15 minutes. */
public final class LogoutServlet extends Endpoint {

    private final FederatedAccounts accounts;

    public LogoutServlet(FederatedAccounts accounts) {
        super("POST");
        this.accounts = accounts;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        accounts.logout(request.body(PedidoRenovacao.class).renovacao());
        return Reply.noContent();
    }
}
