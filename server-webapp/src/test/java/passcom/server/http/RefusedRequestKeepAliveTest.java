package passcom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * A refused request (wrong method, unknown path, unsigned peer call) whose body is still on its way when the
 * server decides must not cost the client its connection. Java's HttpClient writes the headers and the body
 * separately and pools the connection once the answer is complete; if the server answered before the body
 * arrived and then closed the connection because that body was never read, the client's next request on it
 * failed with "header parser received no bytes" (CI, PeerCallRulesTest, about once in 3,000 refused calls).
 * Here the late body is made certain: the headers go first, the body a moment later, then a second request
 * on the same socket, which must get its answer. And a refusal after which the server does close the
 * connection (a request Jetty cannot parse) must say so, so that the client does not reuse it.
 */
class RefusedRequestKeepAliveTest {

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final Pattern LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    @TempDir
    static Path dataDir;
    private static PasscomServer server;

    @BeforeAll
    static void start() {
        server = PasscomServer.create(ServerConfig.forTest("A", dataDir)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} answers {2}, then the same connection answers the next request")
    @CsvSource({
            "POST, /saude, 405",
            "DELETE, /comprar_cliente, 405",
            "PUT, /passagens_cliente, 405",
            "POST, /no-such-path, 404",
            "POST, /comprar_servidor, 401"})
    void when_a_refused_request_s_body_arrives_late_then_the_connection_still_serves_the_next_request(String method, String path,
            int refusal) throws Exception {
        byte[] body = "{\"id_transacao\":\"t-1\",\"cpf\":\"52998224725\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.uri().getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the server has the headers and nothing else, as a client between its two writes
            out.write(body);
            out.write("GET /saude HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            List<Integer> statuses = readResponses(in, 2);

            assertThat(statuses).containsExactly(refusal, 200);
        }
    }

    /**
     * Requests Jetty refuses while parsing, before any servlet runs, after which it closes the connection
     * (the parser cannot tell where the next request would begin). RFC 9112 section 9.6: a server that closes
     * after a response says so with {@code Connection: close}; without it a keep-alive client sends its next
     * request, perhaps a purchase, on a dead socket and gets an unknown outcome for nothing.
     */
    @ParameterizedTest(name = "{0}: {1} with Connection: close, then the server closes")
    @CsvSource({
            "bad URI encoding, 400, GET /%zz HTTP/1.1",
            "NUL in the path, 400, GET /%00 HTTP/1.1",
            "over-long URI, 414, GET /LONG HTTP/1.1",
            "over-long header, 431, GET /saude HTTP/1.1|X-Long: LONG",
            "bad method, 400, G(T /saude HTTP/1.1"})
    void when_jetty_refuses_a_request_and_closes_then_the_answer_says_connection_close(String kind, int refusal,
            String requestHead) throws Exception {
        // "|" separates header lines, LONG stands for 20,000 characters (past Jetty's 8 KB limit)
        String request = requestHead.replace("|", "\r\n").replace("LONG", "x".repeat(20_000))
                + "\r\nHost: 127.0.0.1\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", server.uri().getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String head = readHead(in);
            assertThat(head).as(kind).isNotNull();
            Matcher status = STATUS.matcher(head);
            assertThat(status.find()).as(head).isTrue();
            assertThat(Integer.parseInt(status.group(1))).as(head).isEqualTo(refusal);
            assertThat(head).as(kind).containsIgnoringCase("\r\nConnection: close\r\n");
            Matcher length = LENGTH.matcher(head);
            assertThat(length.find()).as(head).isTrue();
            assertThat(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8)).contains("\"erro\"");
            assertThat(readOrEnd(in)).as("the server closes after " + kind).isEqualTo(-1);
        }
    }

    /** Reads up to {@code count} responses with Content-Length bodies; stops early when the server closes. */
    private static List<Integer> readResponses(InputStream in, int count) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String head = readHead(in);
            if (head == null) {
                break;
            }
            Matcher status = STATUS.matcher(head);
            assertThat(status.find()).as(head).isTrue();
            statuses.add(Integer.parseInt(status.group(1)));
            Matcher length = LENGTH.matcher(head);
            assertThat(length.find()).as(head).isTrue();
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return statuses;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = readOrEnd(in)) != -1; ) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static int readOrEnd(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (java.net.SocketException closed) {
            return -1;
        }
    }
}
