package passcom.it;

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
import java.util.Map;
import java.util.stream.Collectors;
import passcom.api.Json;

/** A customer's HTTP calls, as curl would make them; answers are status + parsed JSON. */
public final class Http {

    public record Reply(int status, JsonNode json) {
        public String erro() {
            return json.path("erro").asText();
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Http() {
    }

    public static Reply get(URI server, String path, String... queryPairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < queryPairs.length; i += 2) {
            query.put(queryPairs[i], queryPairs[i + 1]);
        }
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(server.resolve(path + (q.isEmpty() ? "" : "?" + q))).GET());
    }

    public static Reply post(URI server, String path, Object body) {
        try {
            String json = body instanceof String s ? s : Json.mapper().writeValueAsString(body);
            return send(HttpRequest.newBuilder(server.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
