package passcom.server.peer;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/**
 * POST /rollback (signed): phase two ABORT as participant; idempotent; only from the transaction's coordinator (403).
 * Unknown ids are remembered as aborted, with the signer as their coordinator.
 */
public final class AbortServlet extends Endpoint {

    private final AirlineNode node;

    public AbortServlet(AirlineNode node) {
        super("POST");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        node.participant().abort(request.body(AbortMessage.class).txnId(), request.signer());
        return Reply.ok(Ack.OK);
    }
}
