package passcom.server.account;

import passcom.api.PedidoLogin;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** POST /login: a session for an account whose home is any airline of the federation; 401 for every failure. */
public final class LoginServlet extends Endpoint {

    private final FederatedAccounts accounts;

    public LoginServlet(FederatedAccounts accounts) {
        super("POST");
        this.accounts = accounts;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        PedidoLogin pedido = request.body(PedidoLogin.class);
        return Reply.ok(accounts.login(pedido.cpf(), pedido.senha()));
    }
}
