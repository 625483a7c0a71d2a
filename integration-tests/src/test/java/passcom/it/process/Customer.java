package passcom.it.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import passcom.api.Json;

/**
 * A customer's HTTP calls to an airline process, as curl would make them. Unlike the in-JVM tests' helper, a
 * failed connection is thrown as {@link IOException}: with servers being killed, "no answer" is an outcome the
 * test must classify, not an error.
 */
public final class Customer {

    public record Reply(int status, JsonNode json) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(ClusterTls.trust()).build();
    private static final Duration PURCHASE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private Customer() {
    }

    static Reply buy(URI server, String cpf, List<String> airlines, List<String> cities) throws IOException {
        return buy(server, cpf, airlines, cities, null);
    }

    /** A purchase with the customer's idempotency key {@code id_pedido} (none when null): a repeat never buys twice. */
    static Reply buy(URI server, String cpf, List<String> airlines, List<String> cities, String requestId) throws IOException {
        return buy(server, cpf, airlines, cities, requestId, PURCHASE_TIMEOUT);
    }

    /** As above, giving up after {@code timeout} (the harness's clients wait less than the campaigns' 20 s). */
    public static Reply buy(URI server, String cpf, List<String> airlines, List<String> cities, String requestId, Duration timeout)
            throws IOException {
        Map<String, Object> order = new LinkedHashMap<>(Map.of("cpf", cpf, "caminho", List.of(airlines, cities)));
        if (requestId != null) {
            order.put("id_pedido", requestId);
        }
        String body = Json.mapper().writeValueAsString(order);
        return send(HttpRequest.newBuilder(server.resolve("/comprar_cliente"))
                .header("Content-Type", "application/json")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static Reply search(URI server, String origin, String destination, Duration timeout) throws IOException {
        return send(HttpRequest.newBuilder(server.resolve("/caminhos_cliente?origem=" + URLEncoder.encode(origin, StandardCharsets.UTF_8)
                + "&destino=" + URLEncoder.encode(destination, StandardCharsets.UTF_8))).timeout(timeout).GET());
    }

    public static Reply cancel(URI server, String cpf, String reference, Duration timeout) throws IOException {
        String body = Json.mapper().writeValueAsString(Map.of("cpf", cpf, "localizador", reference));
        return send(HttpRequest.newBuilder(server.resolve("/cancelar_cliente")).header("Content-Type", "application/json")
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CPF's bookings; a failed connection is thrown, for callers that classify it. */
    public static Reply tickets(URI server, String cpf, Duration timeout) throws IOException {
        return send(HttpRequest.newBuilder(server.resolve("/passagens_cliente?cpf=" + URLEncoder.encode(cpf, StandardCharsets.UTF_8)))
                .timeout(timeout).GET());
    }

    static Reply tickets(URI server, String cpf) {
        return query(server, "/passagens_cliente?cpf=" + URLEncoder.encode(cpf, StandardCharsets.UTF_8));
    }

    public static Reply health(URI server) throws IOException {
        return send(HttpRequest.newBuilder(server.resolve("/saude")).timeout(QUERY_TIMEOUT).GET());
    }

    private static Reply query(URI server, String pathAndQuery) {
        try {
            return send(HttpRequest.newBuilder(server.resolve(pathAndQuery)).timeout(QUERY_TIMEOUT).GET());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " on " + server, e);
        }
    }

    private static Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? Json.mapper().createObjectNode() : readOrWrap(response.body());
            return new Reply(response.statusCode(), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A 500 from a dying server may not be JSON; keep its text so the report can show it. */
    private static JsonNode readOrWrap(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode().put("erro", body);
        }
    }
}
