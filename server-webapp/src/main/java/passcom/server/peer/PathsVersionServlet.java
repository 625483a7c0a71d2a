package passcom.server.peer;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /versao_servidor (signed): the version of this airline's seat availability, so that peers know whether their cached path answers still hold. */
public final class PathsVersionServlet extends Endpoint {

    private final AirlineNode node;

    public PathsVersionServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(new VersionMessage(node.airline(), node.pathsVersion()));
    }
}
