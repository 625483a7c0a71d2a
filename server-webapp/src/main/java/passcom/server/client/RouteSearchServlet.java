package passcom.server.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import passcom.api.Json;
import passcom.core.route.plan.SameInputsMemo;
import passcom.core.route.plan.Trip;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.RouteSearch;
import passcom.server.http.DecodedQueries;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/** GET /caminhos_cliente?origem=O&destino=D: the federation's shortest and cheapest itineraries. */
public final class RouteSearchServlet extends Endpoint {

    private static final byte[] AGES_NAME = "{\"idade_dados_ms\":{".getBytes(StandardCharsets.UTF_8);

    /** Queries kept decoded: every trip of the default network many times over, ~100 KB. */
    private static final int QUERIES = 1024;

    private final AirlineNode node;
    /**
     * The JSON of a trip's last answer, without its ages and its opening brace, kept while the node hands back the
     * same merge (its answers unchanged). As many trips as the node keeps searches for: a 1,000-city answer is ~27 KB,
     * so 256 of them are ~7 MB.
     */
    private final SameInputsMemo<Trip, Rest> answers = new SameInputsMemo<>(256);
    /** Each airline's id as a JSON member name with its colon, e.g. {@code "A":}: the federation's few airlines. */
    private final Map<String, byte[]> memberNames = new ConcurrentHashMap<>();

    public RouteSearchServlet(AirlineNode node) {
        super(new DecodedQueries(QUERIES), "GET"); // two city names: the same trips again and again, nothing personal
        this.node = node;
    }

    /** An answer's JSON after its opening brace, and whether it had no member (then no comma goes before it). */
    private record Rest(byte[] json, boolean empty) {
        static Rest of(Reply.Serialized answer) {
            byte[] json = answer.json();
            return new Rest(Arrays.copyOfRange(json, 1, json.length), json.length == 2); // "{}"
        }
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        String origin = request.parameter("origem");
        String destination = request.parameter("destino");
        RouteSearch search = node.search(origin, destination);
        Rest rest = answers.get(new Trip(origin, destination), List.of(search.options()),
                () -> Rest.of(Reply.serialize(ApiMapper.caminhos(search, node.airline()))));
        return Reply.ok(new Reply.Serialized(agesHead(search.dataAgeMillis(), rest.empty()), rest.json()));
    }

    /**
     * {@code {"idade_dados_ms":{"A":12,"B":0},} (no final comma before an empty rest): the ages change with every
     * search while the rest of the JSON stands, so only they are written each time (a JSON object's members have no
     * order). Written here rather than by Jackson, which took a generator, a buffer and a serializer look-up per answer
     * for a few numbers.
     */
    private byte[] agesHead(Map<String, Long> ages, boolean emptyRest) {
        byte[][] names = new byte[ages.size()][];
        String[] values = new String[ages.size()];
        int length = AGES_NAME.length + 1 + (emptyRest ? 0 : 1) + Math.max(0, ages.size() - 1);
        int i = 0;
        for (Map.Entry<String, Long> age : ages.entrySet()) {
            names[i] = memberNames.computeIfAbsent(age.getKey(), RouteSearchServlet::memberName);
            values[i] = Long.toString(age.getValue());
            length += names[i].length + values[i].length();
            i++;
        }
        byte[] head = new byte[length];
        System.arraycopy(AGES_NAME, 0, head, 0, AGES_NAME.length);
        int at = AGES_NAME.length;
        for (i = 0; i < names.length; i++) {
            if (i > 0) {
                head[at++] = ',';
            }
            System.arraycopy(names[i], 0, head, at, names[i].length);
            at += names[i].length;
            for (int d = 0; d < values[i].length(); d++) {
                head[at++] = (byte) values[i].charAt(d); // digits and '-': ASCII
            }
        }
        head[at++] = '}';
        if (!emptyRest) {
            head[at] = ',';
        }
        return head;
    }

    private static byte[] memberName(String airline) {
        try {
            byte[] quoted = Json.mapper().writeValueAsBytes(airline);
            byte[] name = Arrays.copyOf(quoted, quoted.length + 1);
            name[quoted.length] = ':';
            return name;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("airline id not serialisable", e);
        }
    }
}
