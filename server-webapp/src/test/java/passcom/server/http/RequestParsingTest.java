package passcom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * How a request's parameters and body are read, over real HTTP: the query string decoded as the servlet API
 * decodes it (read through Jetty's own request since issue 20), the original client's parameters in a JSON body,
 * bodies parsed straight into the wire records (with or without Content-Length, behind a byte-order mark), and
 * the same Portuguese 400s as before for a body that is empty, not an object, or a query that is badly encoded.
 */
class RequestParsingTest {

    /** Passes the record check (an object) and fails the CPF's: a 400 that names the CPF proves the record was read. */
    private static final String ORDER_WITH_BAD_CPF = "{\"cpf\":\"123\",\"id_pedido\":\"p-1\",\"caminho\":[[\"A\"],[\"São Paulo\",\"Rio de Janeiro\"]]}";

    @TempDir
    static Path dataDir;
    private static PasscomServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = PasscomServer.create(ServerConfig.forTest("A", dataDir)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void when_the_query_has_encoded_accents_and_plus_signs_then_the_cities_are_found() throws Exception {
        for (int time = 1; time <= 2; time++) { // the second time from the endpoint's decoded queries
            HttpResponse<String> answer = get("/caminhos_cliente?origem=S%C3%A3o+Paulo&destino=Rio%20de%20Janeiro");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("São Paulo").contains("Rio de Janeiro");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWithIgnoringCase("application/json"));
        }
    }

    @Test
    void when_the_query_is_badly_encoded_then_it_is_a_400_naming_the_encoding() throws Exception {
        // java.net.URI refuses a '%' without two hex digits, so the request line goes out as it is
        for (int time = 1; time <= 2; time++) { // a query that failed to decode is not remembered: refused again
            try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
                socket.getOutputStream().write(("GET /caminhos_cliente?origem=S%C3o&destino=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(answer).startsWith("HTTP/1.1 400 ").contains("codificação inválida");
            }
        }
    }

    @Test
    void when_a_parameter_is_missing_then_the_400_names_it() throws Exception {
        HttpResponse<String> answer = get("/caminhos_cliente?origem=S%C3%A3o+Paulo");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Falta o parâmetro 'destino'");
    }

    @Test
    void when_the_original_client_sends_its_parameters_in_a_json_body_then_they_are_read() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/caminhos_cliente"))
                .method("GET", BodyPublishers.ofString("{\"origem\":\"São Paulo\",\"destino\":\"Rio de Janeiro\"}")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Rio de Janeiro");
    }

    @ParameterizedTest(name = "body [{0}]")
    @ValueSource(strings = {"null", "[1]", "\"texto\"", "42", "   "})
    void when_the_body_is_not_a_json_object_then_the_400_says_so(String body) throws Exception {
        HttpResponse<String> answer = post("/comprar_cliente", BodyPublishers.ofString(body));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("O corpo da requisição deve ser um objeto JSON").doesNotContain("vazio");
    }

    @Test
    void when_the_body_is_empty_then_the_400_says_it_is_empty() throws Exception {
        HttpResponse<String> answer = post("/comprar_cliente", BodyPublishers.noBody());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("deve ser um objeto JSON e está vazio");
    }

    @Test
    void when_a_field_has_the_wrong_type_then_the_400_names_the_field() throws Exception {
        HttpResponse<String> answer = post("/comprar_cliente", BodyPublishers.ofString("{\"cpf\":\"52998224725\",\"caminho\":7}"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("'caminho'");
    }

    @Test
    void when_the_json_is_malformed_then_the_400_says_where() throws Exception {
        HttpResponse<String> answer = post("/comprar_cliente", BodyPublishers.ofString("{\"cpf\": }"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("JSON malformado perto da linha 1");
    }

    @Test
    void when_the_body_starts_with_a_byte_order_mark_then_it_is_read_as_the_object() throws Exception {
        byte[] json = ORDER_WITH_BAD_CPF.getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[json.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withMark, 3, json.length);

        HttpResponse<String> answer = post("/comprar_cliente", BodyPublishers.ofByteArray(withMark));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("CPF").doesNotContain("objeto JSON");
    }

    @Test
    void when_the_body_is_chunked_without_a_length_then_it_is_read_whole() throws Exception {
        HttpResponse<String> answer = post("/comprar_cliente", chunked(ORDER_WITH_BAD_CPF));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("CPF").doesNotContain("objeto JSON");
    }

    @Test
    void when_a_chunked_body_is_over_the_limit_then_it_is_a_413() throws Exception {
        HttpResponse<String> answer = post("/comprar_cliente", chunked("{\"cpf\":\"" + "9".repeat(RequestBody.LIMIT) + "\"}"));

        assertThat(answer.statusCode()).isEqualTo(413);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    private static HttpResponse<String> post(String path, BodyPublisher body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(server.uri() + pathAndQuery);
    }

    /** A publisher of unknown length: the JDK client then sends the body chunked (Transfer-Encoding: chunked). */
    private static BodyPublisher chunked(String body) {
        BodyPublisher known = BodyPublishers.fromPublisher(subscriber -> BodyPublishers.ofByteArrays(
                List.of(body.getBytes(StandardCharsets.UTF_8))).subscribe(subscriber));
        return new BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
