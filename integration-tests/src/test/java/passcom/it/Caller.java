package passcom.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import passcom.api.Json;

/**
 * A customer's HTTP calls from a chosen loopback address (127.0.0.x), so that a test can be "another client"
 * for the per-address rate limits, with headers (a bearer token) and any method. Jetty's client, because the
 * JDK 17 client cannot choose its source address. Close it after use.
 */
final class Caller implements AutoCloseable {

    /** Status, body (parsed JSON, empty object when none), the raw body text, and the headers the tests read. */
    record Answer(int status, JsonNode json, String body, String wwwAuthenticate, String retryAfter) {
        String erro() {
            return json.path("erro").asText();
        }
    }

    private final HttpClient client = new HttpClient();

    Caller(String address) {
        client.setBindAddress(new InetSocketAddress(address, 0));
        client.setFollowRedirects(false);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an HTTP client on " + address, e);
        }
        // a 401 is an answer to read, not a challenge to answer
        client.getProtocolHandlers().clear();
    }

    Answer get(URI server, String pathAndQuery, String token) {
        return send("GET", server, pathAndQuery, null, token);
    }

    Answer post(URI server, String path, Object body, String token) {
        return send("POST", server, path, body, token);
    }

    Answer delete(URI server, String path, Object body, String token) {
        return send("DELETE", server, path, body, token);
    }

    Answer send(String method, URI server, String pathAndQuery, Object body, String token) {
        try {
            Request request = client.newRequest(server.resolve(pathAndQuery)).method(method).timeout(30, TimeUnit.SECONDS);
            if (token != null) {
                request.headers(h -> h.put("Authorization", "Bearer " + token));
            }
            if (body != null) {
                String json = body instanceof String s ? s : Json.mapper().writeValueAsString(body);
                request.body(new StringRequestContent("application/json", json, StandardCharsets.UTF_8));
            }
            ContentResponse response = request.send();
            String text = response.getContentAsString();
            JsonNode json = Json.mapper().createObjectNode();
            String type = response.getMediaType();
            if (text != null && !text.isBlank() && type != null && type.contains("json")) {
                json = Json.mapper().readTree(text);
            }
            return new Answer(response.getStatus(), json, text == null ? "" : text, response.getHeaders().get("WWW-Authenticate"),
                    response.getHeaders().get("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
