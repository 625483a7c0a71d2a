package passcom.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.server.http.ServedOperations.Operation;

/** What {@link ServedOperations} reads off a real, started Jetty: endpoints, plain servlets, the default mapping. */
class ServedOperationsTest {

    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void when_servlets_are_registered_then_each_exact_path_is_listed_with_the_methods_its_servlet_takes() throws Exception {
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Answering("DELETE")), "/reserva");
        context.addServlet(new ServletHolder(new Uploads()), "/arquivo");
        context.addServlet(new ServletHolder(new UnknownPathServlet()), "/");

        assertThat(ServedOperations.of(started(context))).containsExactly(
                new Operation("POST", "/arquivo"), new Operation("PUT", "/arquivo"), new Operation("DELETE", "/reserva"));
    }

    @Test
    void when_a_context_has_a_path_of_its_own_then_the_paths_carry_it() throws Exception {
        ServletContextHandler context = new ServletContextHandler("/admin");
        context.addServlet(new ServletHolder(new Answering("GET")), "/estado");

        assertThat(ServedOperations.of(started(context))).containsExactly(new Operation("GET", "/admin/estado"));
    }

    @Test
    void when_a_servlet_is_mapped_to_a_wildcard_then_it_is_refused_rather_than_left_out() throws Exception {
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Answering("GET")), "/arquivos/*");

        Server started = started(context);
        assertThatThrownBy(() -> ServedOperations.of(started)).isInstanceOf(IllegalStateException.class).hasMessageContaining("/arquivos/*");
    }

    private Server started(ServletContextHandler context) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return server;
    }

    private static final class Answering extends Endpoint {
        Answering(String method) {
            super(method);
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            return Reply.ok(java.util.Map.of());
        }
    }

    private static class Uploads extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }

        @Override
        protected void doPut(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }
}
