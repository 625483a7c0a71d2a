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
    private static final byte[] NONE = new byte[0];

    private RequestBody() {
    }

    /** @throws PayloadTooLarge over {@link #LIMIT} bytes */
    public static byte[] read(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof byte[] bytes) {
            return bytes;
        }
        byte[] body;
        long declared = request.getContentLengthLong();
        try {
            if (declared > LIMIT) {
                throw new PayloadTooLarge(); // the rest is drained before the 413 goes out
            }
            if (declared < 0 && !isChunked(request)) {
                body = NONE; // HTTP/1.1 without Content-Length or Transfer-Encoding: no body (RFC 9112 section 6.3)
            } else {
                body = readAtMost(request.getInputStream(), declared); // not closed: an unread rest is drained before the answer
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
        if (declared == 0 || declared > DRAIN_LIMIT || declared < 0 && !isChunked(request) || request.getAttribute(ATTRIBUTE) != null) {
            return; // nothing was sent (every GET), too much to drain, or the body was read
        }
        try {
            drain(request.getInputStream());
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the body was taken as a reader; the answer is all that is left to send
        }
    }

    /**
     * The body, read straight into an array of its declared length when the client declared one (reading up to
     * the limit allocated an 8 KB buffer and copied it for every ~200-byte peer message); a chunked body up to
     * the limit. @throws PayloadTooLarge a chunked body over {@link #LIMIT}
     */
    private static byte[] readAtMost(InputStream in, long declared) throws IOException {
        if (declared >= 0) {
            byte[] body = new byte[(int) declared];
            if (in.readNBytes(body, 0, body.length) < body.length) {
                throw new IOException("the body ended before its Content-Length");
            }
            return body;
        }
        byte[] body = in.readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            throw new PayloadTooLarge();
        }
        return body;
    }

    private static boolean isChunked(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long drained = 0;
        for (int n; drained <= DRAIN_LIMIT && (n = in.read(sink)) != -1; ) {
            drained += n;
        }
    }
}
