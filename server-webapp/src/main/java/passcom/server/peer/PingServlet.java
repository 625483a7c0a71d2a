package passcom.server.peer;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /ping_servidor (signed): answers at once without touching the store; used by peer health checks. */
public final class PingServlet extends Endpoint {

    private final AirlineNode node;

    public PingServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(new PingMessage(node.airline()));
    }
}
