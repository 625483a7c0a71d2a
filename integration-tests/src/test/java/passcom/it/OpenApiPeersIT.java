package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Json;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.txn.Commit;
import passcom.core.txn.TxnKind;
import passcom.server.ServerConfig;
import passcom.server.auth.FederationSigner;
import passcom.server.peer.CommitMessage;
import passcom.server.peer.FederationPaths;

/**
 * docs/openapi-peers.yaml against a real airline: each signed endpoint is called as a peer would call it
 * (signed with the federation secret by {@link FederationSigner}, the same code the servers sign with), and
 * unsigned, badly formed, in another airline's name and with the wrong method; {@code /metrics} on the admin
 * port. Every answer's status must be documented and its body must match the documented schema; every
 * documented answer must be provoked here, except the 500s and 503s (an unexpected failure; a full nonce
 * memory or a store that cannot write), which nothing provokes on purpose.
 */
class OpenApiPeersIT {

    private static final String CPF = "52998224725";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final FederationSigner SIGNER = new FederationSigner(ServerConfig.DEV_SECRET, Clock.systemUTC(), Duration.ofSeconds(30));
    /** A segment airline A flies in the default network. */
    private static final String LEG = "origem=" + q("Cuiabá") + "&destino=" + q("Campo Grande");

    @TempDir
    static Path dir;
    private static Cluster cluster;
    private static ApiDescription api;

    @BeforeAll
    static void start() {
        api = ApiDescription.read("openapi-peers.yaml");
        cluster = Cluster.start(Networks.defaultNetwork(), dir, "A", "B");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void when_swagger_parser_reads_the_document_with_its_references_then_it_is_openapi_3_1_without_errors() {
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        Path file = Path.of(System.getProperty("passcom.root", ".."), "docs", "openapi-peers.yaml");
        io.swagger.v3.parser.core.models.SwaggerParseResult result =
                new io.swagger.v3.parser.OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("assinaturaFederacao", "remetente", "instante", "nonce");
    }

    @Test
    void every_documented_answer_of_a_running_airline_matches_its_schema() throws Exception {
        check(signed("B", "GET", "/caminhos_servidor?origem=" + q("São Paulo") + "&destino=" + q("Porto Alegre"), ""),
                "GET", "/caminhos_servidor", 200);
        check(signed("B", "GET", "/caminhos_servidor?origem=" + q("São Paulo"), ""), "GET", "/caminhos_servidor", 400);
        check(signed("B", "GET", "/versao_servidor", ""), "GET", "/versao_servidor", 200);
        check(signed("B", "GET", "/ping_servidor", ""), "GET", "/ping_servidor", 200);
        check(signed("B", "GET", "/assentos_servidor?" + LEG, ""), "GET", "/assentos_servidor", 200);
        check(signed("B", "GET", "/assentos_servidor?origem=" + q("Cuiabá"), ""), "GET", "/assentos_servidor", 400);
        check(signed("B", "GET", "/decisao_servidor?id_transacao=" + UUID.randomUUID(), ""), "GET", "/decisao_servidor", 200);
        check(signed("B", "GET", "/decisao_servidor", ""), "GET", "/decisao_servidor", 400);

        // Phase one and two as the coordinator B would send them: a hold, its COMMIT, then an ABORT that contradicts it.
        String sold = UUID.randomUUID().toString();
        JsonNode vote = check(signed("B", "POST", "/comprar_servidor", prepare(sold)), "POST", "/comprar_servidor", 200);
        assertThat(vote.path("voto").asText()).isEqualTo("RESERVADO");
        check(signed("C", "POST", "/confirmar_servidor", commit(sold, vote.path("assentos").get(0).asInt())), "POST", "/confirmar_servidor", 403);
        check(signed("C", "POST", "/rollback", abort(sold)), "POST", "/rollback", 403);
        check(signed("B", "POST", "/confirmar_servidor", commit(sold, vote.path("assentos").get(0).asInt())), "POST", "/confirmar_servidor", 200);
        check(signed("B", "POST", "/rollback", abort(sold)), "POST", "/rollback", 409);
        JsonNode tickets = check(signed("B", "GET", "/passagens_servidor?cpf=" + CPF, ""), "GET", "/passagens_servidor", 200);
        assertThat(tickets.path("passagens")).as("the booking just committed").isNotEmpty();
        check(signed("B", "GET", "/passagens_servidor?cpf=123", ""), "GET", "/passagens_servidor", 400);

        // And the other way round: released, then a COMMIT that contradicts the release.
        String released = UUID.randomUUID().toString();
        JsonNode held = check(signed("B", "POST", "/comprar_servidor", prepare(released)), "POST", "/comprar_servidor", 200);
        check(signed("B", "POST", "/rollback", abort(released)), "POST", "/rollback", 200);
        check(signed("B", "POST", "/confirmar_servidor", commit(released, held.path("assentos").get(0).asInt())), "POST", "/confirmar_servidor", 409);
        check(signed("C", "POST", "/comprar_servidor", prepare(UUID.randomUUID().toString())), "POST", "/comprar_servidor", 403);

        // accounts (issue 16): A is asked as a home that has no account for the CPF
        String digits = Cpf.parse(CPF).digits();
        check(signed("B", "POST", "/conta_servidor/reservar", "{\"cpf\":\"" + digits + "\",\"companhia\":\"B\"}"),
                "POST", "/conta_servidor/reservar", 200);
        check(signed("C", "POST", "/conta_servidor/reservar", "{\"cpf\":\"" + digits + "\",\"companhia\":\"B\"}"),
                "POST", "/conta_servidor/reservar", 403);
        check(signed("B", "POST", "/conta_servidor/login", "{\"cpf\":\"" + digits + "\",\"senha\":\"qualquer-coisa\"}"),
                "POST", "/conta_servidor/login", 200);
        check(signed("B", "POST", "/conta_servidor/dados", "{\"cpf\":\"" + digits + "\"}"), "POST", "/conta_servidor/dados", 200);
        check(signed("B", "POST", "/conta_servidor/excluir", "{\"cpf\":\"" + digits + "\",\"senha\":\"qualquer-coisa\"}"),
                "POST", "/conta_servidor/excluir", 200);
        check(signed("B", "POST", "/conta_servidor/renovar", "{\"renovacao\":\"A.nada\"}"), "POST", "/conta_servidor/renovar", 200);
        check(signed("B", "POST", "/conta_servidor/logout", "{\"renovacao\":\"A.nada\"}"), "POST", "/conta_servidor/logout", 200);
        for (String path : List.of("/conta_servidor/reservar", "/conta_servidor/login", "/conta_servidor/dados", "/conta_servidor/excluir")) {
            check(signed("B", "POST", path, "{}"), "POST", path, 400);
        }
        for (String path : List.of("/comprar_servidor", "/confirmar_servidor", "/rollback")) {
            check(signed("B", "POST", path, "{}"), "POST", path, 400);
            check(signed("B", "POST", path, "{\"id_transacao\":\"" + "9".repeat(70_000) + "\"}"), "POST", path, 413);
        }
        for (Map.Entry<String, String> operation : operations().entrySet()) {
            String method = operation.getValue();
            String path = operation.getKey();
            check(send(method, path, method.equals("POST") ? "{}" : "", Map.of()), method, path, 401);
            String other = method.equals("POST") ? "GET" : "POST";
            check(signed("B", other, path, other.equals("POST") ? "{}" : ""), method, path, 405);
        }

        URI metrics = cluster.server("A").metricsUri().orElseThrow();
        check(HTTP.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString()), "GET", "/metrics", 200);
        check(HTTP.send(HttpRequest.newBuilder(metrics.resolve("/nada")).GET().build(), HttpResponse.BodyHandlers.ofString()),
                "GET", "/metrics", 404);

        Set<String> expected = new TreeSet<>(api.documentedAnswers());
        expected.removeIf(answer -> answer.endsWith(" 500") || answer.endsWith(" 503"));
        assertThat(api.checked()).as("every documented answer but the 500s and 503s is provoked").containsAll(expected);
    }

    /** Each operation the document says is signed (it lists a 401): path to its one method; exactly the paths the servers sign. */
    private static Map<String, String> operations() {
        Map<String, String> operations = new java.util.TreeMap<>();
        api.documentedAnswers().stream().filter(answer -> answer.endsWith(" 401"))
                .forEach(answer -> operations.put(answer.split(" ")[1], answer.split(" ")[0]));
        assertThat(operations).containsOnlyKeys(FederationPaths.ALL);
        return operations;
    }

    private static JsonNode check(HttpResponse<String> response, String method, String path, int status) throws Exception {
        return api.check(response, method, path, status);
    }

    private static String prepare(String txn) {
        return "{\"id_transacao\":\"" + txn + "\",\"coordenador\":\"B\",\"tipo\":\"PURCHASE\",\"cpf\":\"" + CPF
                + "\",\"localizador\":\"" + txn.substring(0, 6).toUpperCase() + "\",\"trechos\":[{\"origem\":\"Cuiabá\",\"destino\":\"Campo Grande\"}]}";
    }

    private static String abort(String txn) {
        return "{\"id_transacao\":\"" + txn + "\"}";
    }

    /** The COMMIT of {@link #prepare}'s hold, for the seat its vote gave, with the booking in full as a coordinator sends it. */
    private static String commit(String txn, int seat) throws Exception {
        Segment leg = cluster.network().segment("Cuiabá", "Campo Grande").orElseThrow();
        Booking booking = new Booking(txn.substring(0, 6).toUpperCase(), Cpf.parse(CPF),
                List.of(new BookedLeg(leg, "A", seat, Money.ofCents(50000))), Instant.now(), "B");
        return Json.mapper().writeValueAsString(CommitMessage.of(new Commit(new passcom.core.txn.TxnId(txn), TxnKind.PURCHASE, booking)));
    }

    private static HttpResponse<String> signed(String sender, String method, String pathAndQuery, String body) throws Exception {
        return send(method, pathAndQuery, body, SIGNER.sign(sender, method, pathAndQuery, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.uri("A") + pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
