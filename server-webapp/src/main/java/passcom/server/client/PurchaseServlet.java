package passcom.server.client;

import passcom.api.CompraResposta;
import passcom.api.PedidoCompra;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.PurchaseOrder;
import passcom.core.txn.PurchaseOutcome;
import passcom.server.auth.token.BearerToken;
import passcom.server.http.Endpoint;
import passcom.server.http.ErrorMapper;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/**
 * POST /comprar_cliente: buys an itinerary, every leg or none; this airline coordinates. Anyone may buy as a
 * guest; with a bearer token the booking is also linked to that account as its buyer (a token that does not
 * verify is refused with 401 rather than bought as a guest).
 */
public final class PurchaseServlet extends Endpoint {

    private final AirlineNode node;
    private final BearerToken bearer;

    public PurchaseServlet(AirlineNode node, BearerToken bearer) {
        super("POST");
        this.node = node;
        this.bearer = bearer;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        PurchaseOrder order = ApiMapper.order(request.body(PedidoCompra.class));
        PurchaseOrder placed = bearer.of(request).map(token -> order.boughtBy(token.cpf())).orElse(order);
        PurchaseOutcome outcome = node.purchase(placed);
        if (outcome instanceof PurchaseOutcome.Bought bought) {
            return Reply.ok(new CompraResposta(CompraResposta.SUCESSO, ApiMapper.passagem(bought.booking())));
        }
        return ErrorMapper.reply(outcome);
    }
}
