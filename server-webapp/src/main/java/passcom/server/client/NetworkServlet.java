package passcom.server.client;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /rede: the route network this server runs (cities, segments with km and airlines, the federation's prices), for the client's map. */
public final class NetworkServlet extends Endpoint {

    private final AirlineNode node;

    public NetworkServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(ApiMapper.rede(node.network(), node.federation()));
    }
}
