package passcom.server.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Base of every PASSCOM servlet: one HTTP method, one {@link #handle} that parses, calls the core once and
 * returns a {@link Reply}; every failure goes through {@link ErrorMapper}. HEAD is not offered: every
 * endpoint computes something.
 */
public abstract class Endpoint extends HttpServlet {

    private final String method;

    protected Endpoint(String method) {
        this.method = method;
    }

    /** The one HTTP method this endpoint takes, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    protected abstract Reply handle(IncomingRequest request);

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reply reply;
        try {
            if (!method.equals(request.getMethod())) {
                response.setHeader("Allow", method);
                throw new MethodNotAllowed(request.getMethod(), method);
            }
            reply = handle(new IncomingRequest(request));
        } catch (RuntimeException e) {
            reply = ErrorMapper.reply(e);
        }
        reply.writeTo(request, response);
    }
}
