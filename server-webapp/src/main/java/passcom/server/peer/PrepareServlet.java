package passcom.server.peer;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** POST /comprar_servidor (signed): phase one as participant; answers the vote. A refusal is a 200 with voto RECUSADO. */
public final class PrepareServlet extends Endpoint {

    private final AirlineNode node;

    public PrepareServlet(AirlineNode node) {
        super("POST");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        passcom.core.txn.Prepare prepare = request.body(PrepareMessage.class).toPrepare();
        request.requireSignedBy(prepare.coordinator());
        return Reply.ok(VoteMessage.of(node.participant().prepare(prepare)));
    }
}
