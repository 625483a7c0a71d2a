package passcom.server.client;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /saude: this airline, which peers answer, seats held now, transactions not yet settled. */
public final class HealthServlet extends Endpoint {

    private final AirlineNode node;

    public HealthServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(ApiMapper.saude(node.health()));
    }
}
