package passcom.server.peer;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /caminhos_servidor?origem=O&destino=D (signed): this airline's own best paths and their availability version, for a peer's search. */
public final class LocalPathsServlet extends Endpoint {

    private final AirlineNode node;

    public LocalPathsServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(PathsMessage.of(node.versionedPaths(request.parameter("origem"), request.parameter("destino"))));
    }
}
