package passcom.server.peer;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** POST /confirmar_servidor (signed): phase two COMMIT as participant; idempotent; only from the transaction's coordinator (403). */
public final class CommitServlet extends Endpoint {

    private final AirlineNode node;

    public CommitServlet(AirlineNode node) {
        super("POST");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        node.participant().commit(request.body(CommitMessage.class).toCommit(), request.signer());
        return Reply.ok(Ack.OK);
    }
}
