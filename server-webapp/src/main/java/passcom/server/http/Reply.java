package passcom.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import passcom.api.Json;

/** An HTTP status and the body to write as JSON with {@link Json#mapper()}. */
public record Reply(int status, Object body) {

    public static Reply ok(Object body) {
        return new Reply(HttpServletResponse.SC_OK, body);
    }

    /** Answers {@code request}; a body it carried that nobody read is read first ({@link RequestBody#discardUnread}). */
    public void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestBody.discardUnread(request);
        byte[] json = Json.mapper().writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
