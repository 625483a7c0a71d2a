package passcom.server.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import passcom.server.http.ServedOperations;

/**
 * The admin listener: {@code GET /metrics} in Prometheus text format, on its own port and its own few
 * threads, apart from the customers' and peers' port. So a scraper needs no federation signature, the port
 * can be kept on 127.0.0.1 or a monitoring network, and a flood of customers never delays a scrape.
 */
public final class MetricsEndpoint implements AutoCloseable {

    public static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final Server server;

    private MetricsEndpoint(Server server) {
        this.server = server;
    }

    /** Listens on {@code host:port} (0: any free port). Returns once listening. */
    public static MetricsEndpoint start(String airline, String host, int port, ServerMetrics metrics) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("metrics-" + airline);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType(CONTENT_TYPE);
                response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
            }
        }), PATH);
        server.setHandler(context);
        server.setStopTimeout(1000);
        server.start();
        return new MetricsEndpoint(server);
    }

    /** What this listener answers, read from its servlet registrations ({@code GET /metrics}). */
    public Set<ServedOperations.Operation> operations() {
        return ServedOperations.of(server);
    }

    /** e.g. http://127.0.0.1:9433/metrics */
    public URI uri() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null || "0.0.0.0".equals(connector.getHost()) || "::".equals(connector.getHost())
                ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + PATH);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("metrics endpoint did not stop: " + e.getMessage(), e);
        }
    }
}
