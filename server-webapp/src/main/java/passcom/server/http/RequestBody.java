package passcom.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body at most once, bounded, and keeps it on the request so that the signature filter
 * and the servlet see the same bytes.
 */
public final class RequestBody {

    /** Every PASSCOM message is small; a larger body is a mistake or an attack. */
    public static final int LIMIT = 64 * 1024;

    private static final String ATTRIBUTE = RequestBody.class.getName();

    private RequestBody() {
    }

    /** @throws PayloadTooLarge over {@link #LIMIT} bytes */
    public static byte[] read(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof byte[] bytes) {
            return bytes;
        }
        if (request.getContentLengthLong() > LIMIT) {
            throw new PayloadTooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(LIMIT + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        if (body.length > LIMIT) {
            throw new PayloadTooLarge();
        }
        request.setAttribute(ATTRIBUTE, body);
        return body;
    }
}
