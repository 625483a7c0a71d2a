package passcom.server.peer;

import passcom.core.route.Segment;
import passcom.core.txn.AirlineNode;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /assentos_servidor?origem=O&destino=D (signed): the seat map of a segment this airline flies, for a peer's customer. */
public final class LocalSeatMapServlet extends Endpoint {

    private final AirlineNode node;

    public LocalSeatMapServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        Segment.Key segment = new Segment.Key(request.parameter("origem"), request.parameter("destino"));
        return Reply.ok(SeatMapMessage.of(node.localSeatMap(segment)));
    }
}
