package passcom.server.account;

import passcom.api.PedidoRenovacao;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** POST /login/renovar: trades a refresh token (which stops working) for a new session; 401 if it is not live. */
public final class RenewalServlet extends Endpoint {

    private final FederatedAccounts accounts;

    public RenewalServlet(FederatedAccounts accounts) {
        super("POST");
        this.accounts = accounts;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(accounts.renew(request.body(PedidoRenovacao.class).renovacao()));
    }
}
