package passcom.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the federation and one airline: peers reach the airline through it, so a test can drop,
 * duplicate or delay server-to-server calls per path (e.g. "/confirmar_servidor") while customers talk to
 * the airline directly. Forwards method, path, query, body and the signature headers unchanged.
 */
public final class FaultProxy implements AutoCloseable {

    /** The availability feed (server-sent events): streamed through, not buffered. */
    static final String FEED = passcom.server.peer.FederationPaths.FEED;

    /** How late a {@link Fault#LATE_REPLY} arrives. */
    static final Duration LATE = Duration.ofMillis(1500);

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile URI target;

    public FaultProxy() throws IOException {
        // A burst of 300 buyers opens hundreds of peer connections at once; the JDK's default listen
        // backlog (50) would overflow, the kernel would drop SYNs, and a connect retried after 1 s, 3 s,
        // 7 s would look like an airline that does not answer. The servers' own backlog is 1024 too.
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void target(URI target) {
        this.target = target;
    }

    public void set(String path, Fault fault) {
        if (fault == Fault.NONE) {
            faults.remove(path);
        } else {
            faults.put(path, fault);
        }
    }

    /** Clears every fault and lets held replies go. */
    public void heal() {
        faults.clear();
        release.countDown();
        release = new CountDownLatch(1);
    }

    /** How many calls to {@code path} reached this proxy. */
    int calls(String path) {
        return seen.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            seen.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.getOrDefault(path, Fault.NONE);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (fault == Fault.DROP) {
                reply(exchange, 503, "{\"erro\":\"dropped by the test's fault proxy\"}".getBytes());
                return;
            }
            if (path.equals(FEED)) {
                stream(exchange, path);
                return;
            }
            CountDownLatch held = release;
            HttpResponse<byte[]> response;
            try {
                response = forward(exchange, body);
                if (fault == Fault.DUPLICATE) {
                    forward(exchange, body); // the copy carries the same nonce: refused as a replay, changes nothing
                }
                if (fault == Fault.HOLD_REPLY) {
                    held.await(30, TimeUnit.SECONDS);
                }
                if (fault == Fault.LATE_REPLY) {
                    Thread.sleep(LATE.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                reply(exchange, 502, ("{\"erro\":\"proxy could not reach the airline: " + e + "\"}").getBytes());
                return;
            }
            response.headers().firstValue("content-type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            reply(exchange, response.statusCode(), response.body());
        }
    }

    /**
     * The availability feed's endless answer, passed on as it comes; while the feed's path has {@link Fault#HOLD_REPLY}
     * nothing more is passed on, as from a paused airline whose connections stay open.
     */
    private void stream(HttpExchange exchange, String path) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request(exchange, new byte[0]).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | InterruptedException e) {
            reply(exchange, 502, ("{\"erro\":\"proxy could not reach the airline: " + e + "\"}").getBytes());
            return;
        }
        response.headers().firstValue("content-type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
        exchange.sendResponseHeaders(response.statusCode(), 0);
        byte[] buffer = new byte[8192];
        try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (faults.get(path) == Fault.HOLD_REPLY) {
                    release.await(100, TimeUnit.MILLISECONDS);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        return client.send(request(exchange, body).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(HttpExchange exchange, byte[] body) {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request;
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
