package passcom.server.peer;

import java.util.List;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.Commit;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/**
 * POST /confirmar_servidor (signed): phase two COMMIT as participant; idempotent; only from the transaction's
 * coordinator (403). A batch ({@link CommitMessage#isBatch}) is applied in one local transaction and answered per
 * commit ({@link CommitAnswers}).
 */
public final class CommitServlet extends Endpoint {

    private final AirlineNode node;

    public CommitServlet(AirlineNode node) {
        super("POST");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        CommitMessage message = request.body(CommitMessage.class);
        if (!message.isBatch()) {
            node.participant().commit(message.toCommit(), request.signer());
            return Reply.ok(Ack.OK);
        }
        List<Commit> commits = message.toCommits();
        return Reply.ok(CommitAnswers.of(commits, node.participant().commitAll(commits, request.signer())));
    }
}
