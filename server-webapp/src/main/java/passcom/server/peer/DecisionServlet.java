package passcom.server.peer;

import passcom.core.txn.AirlineNode;
import passcom.core.txn.TxnId;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /decisao_servidor?id_transacao= (signed): as coordinator, the decision on a transaction (presumed abort). */
public final class DecisionServlet extends Endpoint {

    private final AirlineNode node;

    public DecisionServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(DecisionMessage.of(node.decision(new TxnId(request.parameter("id_transacao")))));
    }
}
