package passcom.server.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import passcom.api.Json;
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
     * The JSON of a trip's last answer, without its ages, kept while the node hands back the same merge (its answers
     * unchanged). As many trips as the node keeps searches for: a 1,000-city answer is ~27 KB, so 256 of them are ~7 MB.
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
        Reply.Serialized merged = answers.get(List.of(origin, destination), List.of(search.options()),
                () -> Reply.serialize(ApiMapper.caminhos(search, node.airline())));
        return Reply.ok(withAges(merged, search));
    }

    /**
     * The answer with {@code idade_dados_ms} first: the ages change with every search while the rest of the JSON
     * stands, so only they are written each time (a JSON object's members have no order).
     */
    private static Reply.Serialized withAges(Reply.Serialized merged, RouteSearch search) {
        byte[] ages;
        try {
            ages = Json.mapper().writeValueAsBytes(search.dataAgeMillis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ages not serialisable", e);
        }
        byte[] name = "{\"idade_dados_ms\":".getBytes(StandardCharsets.UTF_8);
        byte[] rest = merged.json();
        boolean empty = rest.length == 2; // "{}"
        byte[] json = new byte[name.length + ages.length + (empty ? 0 : 1) + rest.length - 1];
        System.arraycopy(name, 0, json, 0, name.length);
        System.arraycopy(ages, 0, json, name.length, ages.length);
        int at = name.length + ages.length;
        if (!empty) {
            json[at++] = ',';
        }
        System.arraycopy(rest, 1, json, at, rest.length - 1);
        return new Reply.Serialized(json);
    }
}
