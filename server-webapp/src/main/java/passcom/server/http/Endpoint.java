package passcom.server.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of every PASSCOM servlet: one HTTP method (or a few, for a resource such as /conta), one {@link #handle}
 * that parses, calls the core once and returns a {@link Reply}; every failure goes through
 * {@link ErrorMapper}. HEAD is not offered: every endpoint computes something.
 */
public abstract class Endpoint extends HttpServlet {

    private final List<String> methods;
    private final DecodedQueries queries;

    protected Endpoint(String method, String... more) {
        this(null, method, more);
    }

    /** @param queries where this endpoint keeps its decoded queries (null: none kept), see {@link DecodedQueries} */
    protected Endpoint(DecodedQueries queries, String method, String... more) {
        this.queries = queries;
        List<String> all = new ArrayList<>();
        all.add(method);
        all.addAll(List.of(more));
        this.methods = List.copyOf(all);
    }

    /** The HTTP methods this endpoint takes, e.g. {@code [GET]}. */
    public List<String> methods() {
        return methods;
    }

    /** Called with a request whose method is one of this endpoint's; {@link IncomingRequest#method} says which. */
    protected abstract Reply handle(IncomingRequest request);

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reply reply;
        try {
            if (!methods.contains(request.getMethod())) {
                response.setHeader("Allow", String.join(", ", methods));
                throw new MethodNotAllowed(request.getMethod(), String.join(", ", methods));
            }
            reply = handle(new IncomingRequest(request, queries));
        } catch (RuntimeException e) {
            reply = ErrorMapper.reply(e);
        }
        reply.writeTo(request, response);
    }
}
