package passcom.server.peer;

import passcom.core.cpf.Cpf;
import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /passagens_servidor?cpf= (signed): what this airline knows of a CPF's bookings. */
public final class LocalTicketsServlet extends Endpoint {

    private final AirlineNode node;

    public LocalTicketsServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(TicketsMessage.of(node.localTickets(Cpf.parse(request.parameter("cpf")))));
    }
}
