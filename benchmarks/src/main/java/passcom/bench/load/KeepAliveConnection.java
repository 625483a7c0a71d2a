package passcom.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import passcom.client.api.ServerTrust;

/**
 * One blocking HTTP/1.1 connection kept alive across requests: what one simulated customer holds. The
 * driver's own cost per request must stay small next to the servers' on a 2-core machine, so this is a
 * socket, a buffer and a status-line parser, not a general client: no redirects, bodies read by
 * {@code Content-Length} or chunked. A connection the server closed is reopened once per request.
 *
 * <p>An {@code https://} server gets a TLS socket (the JDK's, host name checked), trusting the federation CA
 * named by the system property {@code passcom.ca} or {@code PASSCOM_CA}, else the system's trust store
 * (docs/tls.md); the handshake is paid once per connection, as by a customer's client.
 *
 * <p>Not thread-safe: one per client thread.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final boolean tls;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI server) {
        this.host = server.getHost();
        this.port = server.getPort();
        this.tls = "https".equals(server.getScheme());
        this.hostHeader = host + ":" + port;
    }

    /** The status of one exchange; the body is read and dropped. */
    int get(String pathAndQuery) throws IOException {
        return exchange("GET", pathAndQuery, null);
    }

    int postJson(String path, byte[] body) throws IOException {
        return exchange("POST", path, body);
    }

    private int exchange(String method, String pathAndQuery, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return once(method, pathAndQuery, body);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            // The server closed an idle connection between two requests: a fresh one gets one more try.
            return once(method, pathAndQuery, body);
        }
    }

    private int once(String method, String pathAndQuery, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return readResponse();
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(TIMEOUT_MILLIS);
        s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        if (tls) {
            SSLSocket secure = (SSLSocket) FederationTrust.SOCKETS.createSocket(s, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            s = secure;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
    }

    private int readResponse() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closes = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            closes = true; // the body ends when the server closes
            while (in.read() >= 0) {
                // drain
            }
        }
        if (closes) {
            close();
        }
        return status;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed mid-answer");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    /** Built on first use, after the launcher made the CA: {@code passcom.ca}, else {@code PASSCOM_CA}, else the system's. */
    private static final class FederationTrust {
        static final SSLSocketFactory SOCKETS = ServerTrust.configured().getSocketFactory();
    }
}
