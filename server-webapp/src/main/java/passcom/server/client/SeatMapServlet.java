package passcom.server.client;

import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/**
 * GET /assentos_cliente?origem=O&destino=D&companhia=X: one leg's seat map, asked of the airline that flies it,
 * whichever server the customer is connected to. Held seats count as taken.
 */
public final class SeatMapServlet extends Endpoint {

    private final AirlineNode node;

    public SeatMapServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        return Reply.ok(ApiMapper.mapaAssentos(node.seatMap(request.parameter("origem"), request.parameter("destino"),
                request.parameter("companhia"))));
    }
}
