package passcom.server.client;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /caminhos_cliente?origem=O&destino=D: the federation's shortest and cheapest itineraries. */
public final class RouteSearchServlet extends Endpoint {

    private final AirlineNode node;

    public RouteSearchServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        String origin = request.parameter("origem");
        String destination = request.parameter("destino");
        return Reply.ok(ApiMapper.caminhos(node.search(origin, destination), node.airline()));
    }
}
