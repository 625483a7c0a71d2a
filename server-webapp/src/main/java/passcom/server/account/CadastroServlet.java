package passcom.server.account;

import jakarta.servlet.http.HttpServletResponse;
import passcom.api.PedidoCadastro;
import passcom.core.cpf.Cpf;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** POST /cadastro: creates an account whose home is this airline (201), once per CPF in the federation (409). */
public final class CadastroServlet extends Endpoint {

    private final FederatedAccounts accounts;

    public CadastroServlet(FederatedAccounts accounts) {
        super("POST");
        this.accounts = accounts;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        PedidoCadastro pedido = request.body(PedidoCadastro.class);
        return new Reply(HttpServletResponse.SC_CREATED,
                accounts.register(Cpf.parse(pedido.cpf()), pedido.nome(), pedido.email(), pedido.senha()));
    }
}
