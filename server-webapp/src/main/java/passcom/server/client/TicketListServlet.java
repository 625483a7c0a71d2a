package passcom.server.client;

import passcom.core.cpf.Cpf;
import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /passagens_cliente?cpf=: a CPF's bookings, gathered from every airline. */
public final class TicketListServlet extends Endpoint {

    private final AirlineNode node;

    public TicketListServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(ApiMapper.passagens(node.tickets(Cpf.parse(request.parameter("cpf")))));
    }
}
