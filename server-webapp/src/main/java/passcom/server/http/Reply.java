package passcom.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import passcom.api.Codigo;
import passcom.api.Erro;
import passcom.api.Json;

/**
 * An HTTP status, the body to write as JSON with {@link Json#mapper()} (or JSON already written,
 * {@link Serialized}; or nothing for 204), and headers beyond the content type ({@code WWW-Authenticate},
 * {@code Retry-After}). An {@link Erro} without a {@code codigo} gets its status's ({@link Codigo#forStatus}),
 * so every error body names one.
 */
public record Reply(int status, Object body, Map<String, String> headers) {

    /**
     * Set in one call: Jetty knows this exact value (a pre-encoded header), where a type and then a character
     * encoding were two header rewrites per answer. The same value as {@link JsonErrorHandler}'s.
     */
    static final String CONTENT_TYPE = "application/json;charset=utf-8";

    public Reply {
        headers = Map.copyOf(headers);
        if (body instanceof Erro erro) {
            body = erro.withCodigo(Codigo.forStatus(status));
        }
    }

    public Reply(int status, Object body) {
        this(status, body, Map.of());
    }

    /** 204: done, nothing to say. */
    public static Reply noContent() {
        return new Reply(HttpServletResponse.SC_NO_CONTENT, null);
    }

    /**
     * A body already serialised ({@link #serialize}): written as it is, {@code head} then {@code json} as one body.
     * The head lets an endpoint put what changes with every answer before bytes it keeps, without copying them.
     */
    public record Serialized(byte[] head, byte[] json) {
        private static final byte[] NONE = new byte[0];

        public Serialized(byte[] json) {
            this(NONE, json);
        }
    }

    /**
     * Up to this size a body in two parts is gathered in Jetty's output buffer (pooled, direct) and leaves in one write
     * with the headers; a larger one goes in two writes rather than take an unpooled buffer.
     */
    private static final int GATHERED = 64 * 1024;

    public static Reply ok(Object body) {
        return new Reply(HttpServletResponse.SC_OK, body);
    }

    /** The JSON {@link #writeTo} would write for {@code body}, for an endpoint that keeps answers it can repeat. */
    public static Serialized serialize(Object body) {
        try {
            return new Serialized(Json.mapper().writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable: " + body.getClass().getSimpleName(), e);
        }
    }

    /** Answers {@code request}; a body it carried that nobody read is read first ({@link RequestBody#discardUnread}). */
    public void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestBody.discardUnread(request);
        if (!headers.isEmpty()) {
            headers.forEach(response::setHeader);
        }
        if (body == null) {
            response.setStatus(status);
            return;
        }
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        if (body instanceof Serialized serialized) {
            write(serialized, response);
            return;
        }
        byte[] json = Json.mapper().writeValueAsBytes(body);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /**
     * With the Content-Length set, Jetty keeps the head in its buffer and, given room for the rest, sends it all in one
     * gathering write once the last byte is in; without the room it would send the head alone first.
     */
    private static void write(Serialized serialized, HttpServletResponse response) throws IOException {
        int length = serialized.head().length + serialized.json().length;
        response.setContentLength(length);
        if (serialized.head().length > 0 && length <= GATHERED) {
            response.setBufferSize(length); // also what Jetty aggregates up to (8 KB otherwise)
        }
        if (serialized.head().length > 0) {
            response.getOutputStream().write(serialized.head());
        }
        response.getOutputStream().write(serialized.json());
    }
}
