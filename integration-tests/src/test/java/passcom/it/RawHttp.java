package passcom.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client library refuses to send: malformed
 * request lines and headers, a body shorter than its Content-Length, broken chunking, {@code Expect:
 * 100-continue}, and a slow body. Returns the status of the last response read (a 100 Continue is skipped),
 * or -1 when the server closed the connection without one.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, CRLF-terminated by the caller) and {@code body}, half-closes, reads the status. */
    static int send(URI server, String head, byte[] body, long slowMillisPerByte) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (slowMillisPerByte > 0) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    sleep(slowMillisPerByte); // the slow client under test (a body trickling in), not a wait
                }
            } else {
                out.write(body);
            }
            out.flush();
            socket.shutdownOutput();
            return status(socket.getInputStream());
        }
    }

    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
                if (all.size() > 1 << 20) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException stillOpenOrReset) {
            // what arrived is enough to read the status
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int last = -1;
        for (int at = text.indexOf("HTTP/1."); at >= 0; at = text.indexOf("HTTP/1.", at + 1)) {
            try {
                int status = Integer.parseInt(text.substring(at + 9, at + 12));
                if (status != 100) {
                    last = status;
                }
            } catch (RuntimeException notAStatusLine) {
                // part of a body
            }
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
