package passcom.server.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.Server;

/**
 * What a started Jetty server answers, read from its own servlet registrations rather than from a list kept
 * by hand: every exact path a servlet is mapped to, with the HTTP methods that servlet takes. So a test can
 * hold the API descriptions (docs/openapi*.yaml) against what really runs.
 *
 * <p>Methods: an {@link Endpoint} takes exactly its own methods (one, or a few for a resource such as /conta). Any other {@link HttpServlet} takes each
 * method whose {@code doXxx} its class (or a superclass below {@code HttpServlet}) overrides; HEAD, OPTIONS and
 * TRACE, which {@code HttpServlet} answers by default, are left out, as the descriptions leave them out.
 * The default mapping {@code "/"} is not an endpoint: it answers every path nobody else takes (404). A
 * wildcard mapping cannot be listed path by path, so it is refused rather than silently skipped.
 */
public final class ServedOperations {

    /** One method on one path, e.g. {@code GET /saude}. */
    public record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Comparator<Operation> ORDER = Comparator.comparing(Operation::path).thenComparing(Operation::method);
    /** HttpServlet's handler for each method a plain servlet may override. */
    private static final Map<String, String> HANDLERS = Map.of("doGet", "GET", "doPost", "POST", "doPut", "PUT",
            "doDelete", "DELETE", "doPatch", "PATCH");

    private ServedOperations() {
    }

    /** Every operation the started {@code server}'s servlet contexts answer, sorted by path then method. */
    public static Set<Operation> of(Server server) {
        if (!server.isStarted()) {
            throw new IllegalStateException("the server is not started: its servlets are not instantiated yet");
        }
        Set<Operation> operations = new TreeSet<>(ORDER);
        for (ServletContextHandler context : server.getDescendants(ServletContextHandler.class)) {
            String prefix = "/".equals(context.getContextPath()) ? "" : context.getContextPath();
            ServletHandler servlets = context.getServletHandler();
            ServletMapping[] mappings = servlets.getServletMappings();
            for (ServletMapping mapping : mappings == null ? new ServletMapping[0] : mappings) {
                Servlet servlet = instance(servlets.getServlet(mapping.getServletName()));
                for (String spec : mapping.getPathSpecs()) {
                    if ("/".equals(spec)) {
                        continue;
                    }
                    if (!spec.startsWith("/") || spec.contains("*")) {
                        throw new IllegalStateException("servlet " + mapping.getServletName() + " is mapped to " + spec
                                + ", which is not one exact path");
                    }
                    methods(servlet).forEach(method -> operations.add(new Operation(method, prefix + spec)));
                }
            }
        }
        return operations;
    }

    private static Servlet instance(ServletHolder holder) {
        try {
            return holder.getServlet();
        } catch (jakarta.servlet.ServletException e) {
            throw new IllegalStateException("servlet " + holder.getName() + " could not be instantiated", e);
        }
    }

    private static List<String> methods(Servlet servlet) {
        if (servlet instanceof Endpoint endpoint) {
            return endpoint.methods();
        }
        Set<String> methods = new TreeSet<>();
        for (Class<?> c = servlet.getClass(); c != HttpServlet.class && c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Method declared : c.getDeclaredMethods()) {
                String method = HANDLERS.get(declared.getName());
                if (method != null && declared.getParameterCount() == 2) {
                    methods.add(method);
                }
            }
        }
        return List.copyOf(methods);
    }
}
