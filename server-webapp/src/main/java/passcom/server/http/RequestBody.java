package passcom.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body at most once, bounded, and keeps it on the request so that the signature filter
 * and the servlet see the same bytes.
 */
public final class RequestBody {

    /** Every PASSCOM message is small; a larger body is a mistake or an attack. */
    public static final int LIMIT = 64 * 1024;

    /**
     * A refused body up to this size is read and thrown away before the 413 goes out: a client still
     * sending it (as Java's HttpClient does until the last byte) would otherwise see the connection
     * closed under it instead of the answer. A larger one is cut off.
     */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private static final String ATTRIBUTE = RequestBody.class.getName();

    private RequestBody() {
    }

    /** @throws PayloadTooLarge over {@link #LIMIT} bytes */
    public static byte[] read(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof byte[] bytes) {
            return bytes;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > LIMIT) {
                throw refuse(in, request.getContentLengthLong());
            }
            body = in.readNBytes(LIMIT + 1);
            if (body.length > LIMIT) {
                throw refuse(in, -1);
            }
        } catch (IOException e) {
            // The client sent fewer bytes than it announced, or broke the chunking: its request is incomplete, a
            // 400 (the fuzz test found this answered 500; nothing was read, so nothing was done).
            throw new MalformedRequest("O corpo da requisição chegou incompleto ou mal codificado; nada foi feito.");
        }
        request.setAttribute(ATTRIBUTE, body);
        return body;
    }

    private static PayloadTooLarge refuse(InputStream in, long declaredLength) {
        if (declaredLength <= DRAIN_LIMIT) {
            try {
                byte[] sink = new byte[8192];
                long drained = 0;
                for (int n; drained <= DRAIN_LIMIT && (n = in.read(sink)) != -1; ) {
                    drained += n;
                }
            } catch (IOException e) {
                // the client went away; the 413 is all that is left to send
            }
        }
        return new PayloadTooLarge();
    }
}
