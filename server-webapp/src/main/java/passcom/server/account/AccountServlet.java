package passcom.server.account;

import passcom.api.Conta;
import passcom.api.ContaDados;
import passcom.api.PassagensResposta;
import passcom.api.PedidoExclusaoConta;
import passcom.core.txn.AirlineNode;
import passcom.server.auth.token.BearerToken;
import passcom.server.auth.token.VerifiedToken;
import passcom.server.client.ApiMapper;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/**
 * /conta with a bearer token. GET: the account and every booking where its CPF is a passenger or the buyer
 * (LGPD data portability). DELETE with the password: deletes the account at its home (204); bookings stay.
 */
public final class AccountServlet extends Endpoint {

    private final FederatedAccounts accounts;
    private final BearerToken bearer;
    private final AirlineNode node;

    public AccountServlet(FederatedAccounts accounts, BearerToken bearer, AirlineNode node) {
        super("GET", "DELETE");
        this.accounts = accounts;
        this.bearer = bearer;
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        VerifiedToken token = bearer.required(request);
        if ("DELETE".equals(request.method())) {
            accounts.delete(token, request.body(PedidoExclusaoConta.class).senha());
            return Reply.noContent();
        }
        Conta conta = accounts.account(token);
        PassagensResposta bookings = ApiMapper.passagens(node.tickets(token.cpf()));
        return Reply.ok(new ContaDados(conta.cpf(), conta.nome(), conta.email(), conta.companhia(), conta.criadaEm(),
                bookings.passagens(), bookings.companhiasIndisponiveis()));
    }
}
