package passcom.server.client;

import java.util.List;
import passcom.core.route.plan.SameInputsMemo;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.RouteSearch;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /caminhos_cliente?origem=O&destino=D: the federation's shortest and cheapest itineraries. */
public final class RouteSearchServlet extends Endpoint {

    private final AirlineNode node;
    /**
     * The JSON of a trip's last answer, kept while the node hands back the same search (its answers unchanged).
     * As many trips as the node keeps searches for: a 1,000-city answer is ~27 KB, so 256 of them are ~7 MB.
     */
    private final SameInputsMemo<List<String>, Reply.Serialized> answers = new SameInputsMemo<>(256);

    public RouteSearchServlet(AirlineNode node) {
        super("GET");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        String origin = request.parameter("origem");
        String destination = request.parameter("destino");
        RouteSearch search = node.search(origin, destination);
        return Reply.ok(answers.get(List.of(origin, destination), List.of(search),
                () -> Reply.serialize(ApiMapper.caminhos(search, node.airline()))));
    }
}
