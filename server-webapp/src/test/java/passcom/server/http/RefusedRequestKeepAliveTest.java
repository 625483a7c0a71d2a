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
 * on the same socket, which must get its answer.
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
