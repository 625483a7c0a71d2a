package passcom.client.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request the client sends (method, path and query, Authorization header, body) on 127.0.0.1
 * and answers each {@code "METHOD /path"} with the answers queued for it, in order (the last one repeats), so
 * the unit tests can check requests and parsing against the wire contract (/work/accounts-contract.md,
 * issue 16) without a server. A path with nothing queued answers 404. The real servers are exercised by
 * the integration tests.
 */
final class RecordingServer implements AutoCloseable {

    record Request(String method, String pathAndQuery, String authorization, String body) {
    }

    record Answer(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, ConcurrentLinkedDeque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    ServerEndpoint endpoint(String id) {
        return new ServerEndpoint(id, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    /** Queues an answer for {@code "METHOD /path"} (query not included). */
    RecordingServer answer(String methodAndPath, int status, String body, String... headerNamesAndValues) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        answers.computeIfAbsent(methodAndPath, k -> new ConcurrentLinkedDeque<>()).add(new Answer(status, body, headers));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String methodAndPath) {
        return requests.stream().filter(r -> (r.method() + " " + r.pathAndQuery()).startsWith(methodAndPath)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery();
        requests.add(new Request(exchange.getRequestMethod(), pathAndQuery, exchange.getRequestHeaders().getFirst("Authorization"), body));
        ConcurrentLinkedDeque<Answer> queue = answers.get(exchange.getRequestMethod() + " " + uri.getPath());
        Answer answer = queue == null || queue.isEmpty() ? new Answer(404, "{\"erro\":\"não encontrado\"}", Map.of())
                : queue.size() > 1 ? queue.poll() : queue.peek();
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
