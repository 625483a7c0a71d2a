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
     * A refused or unread body up to this size is read and thrown away before the answer goes out: a client
     * still sending it (Java's HttpClient writes the headers and the body separately) would otherwise see the
     * connection closed under it, either instead of the answer or, worse, on its next request over the same
     * pooled connection. A larger one is cut off, and the connection with it.
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
        try {
            InputStream in = request.getInputStream(); // not closed: an unread rest is drained before the answer
            if (request.getContentLengthLong() > LIMIT) {
                throw new PayloadTooLarge(); // the rest is drained before the 413 goes out
            }
            body = in.readNBytes(LIMIT + 1);
            if (body.length > LIMIT) {
                throw new PayloadTooLarge();
            }
        } catch (IOException e) {
            // The client sent fewer bytes than it announced, or broke the chunking: its request is incomplete, a
            // 400 (the fuzz test found this answered 500; nothing was read, so nothing was done).
            throw new MalformedRequest("O corpo da requisição chegou incompleto ou mal codificado; nada foi feito.");
        }
        request.setAttribute(ATTRIBUTE, body);
        return body;
    }

    /**
     * Before any answer: reads and throws away a body nobody read (a wrong method, an unknown path, a refusal
     * decided from the headers alone), so that the connection stays usable for the client's next request.
     */
    public static void discardUnread(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (request.getAttribute(ATTRIBUTE) != null || declared == 0 || declared > DRAIN_LIMIT) {
            return;
        }
        try {
            drain(request.getInputStream());
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the body was taken as a reader; the answer is all that is left to send
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long drained = 0;
        for (int n; drained <= DRAIN_LIMIT && (n = in.read(sink)) != -1; ) {
            drained += n;
        }
    }
}
