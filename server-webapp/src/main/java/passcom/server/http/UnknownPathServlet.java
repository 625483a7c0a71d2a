package passcom.server.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Mapped at "/": every path no endpoint claims gets a 404 in JSON, whatever the method. */
public final class UnknownPathServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorMapper.reply(new UnknownPath(request.getRequestURI())).writeTo(request, response);
    }
}
