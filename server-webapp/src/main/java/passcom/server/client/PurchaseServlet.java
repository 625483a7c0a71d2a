package passcom.server.client;

import passcom.api.CompraResposta;
import passcom.api.PedidoCompra;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.PurchaseOutcome;
import passcom.server.http.Endpoint;
import passcom.server.http.ErrorMapper;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** POST /comprar_cliente: buys an itinerary, every leg or none; this airline coordinates. */
public final class PurchaseServlet extends Endpoint {

    private final AirlineNode node;

    public PurchaseServlet(AirlineNode node) {
        super("POST");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        PurchaseOutcome outcome = node.purchase(ApiMapper.order(request.body(PedidoCompra.class)));
        if (outcome instanceof PurchaseOutcome.Bought bought) {
            return Reply.ok(new CompraResposta(CompraResposta.SUCESSO, ApiMapper.passagem(bought.booking())));
        }
        return ErrorMapper.reply(outcome);
    }
}
