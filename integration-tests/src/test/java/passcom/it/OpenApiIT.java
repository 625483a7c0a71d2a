package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Json;

/**
 * docs/openapi.yaml against a real federation: each documented endpoint and status is provoked with real
 * requests, and the answer's status, content type and body are checked against the schema the document
 * gives for it (networknt's JSON Schema 2020-12 validator, the dialect of OpenAPI 3.1). A status the
 * document lists that no test provokes must be named in {@link #NOT_PROVOKED}, so the two cannot drift.
 */
class OpenApiIT {

    private static final Path SPEC = Path.of(System.getProperty("passcom.root", ".."), "docs", "openapi.yaml");
    private static final String CPF = "529.982.247-25";
    /** Documented but not provoked here, and why. */
    private static final Set<String> NOT_PROVOKED = Set.of(
            "POST /comprar_cliente 500",      // an unexpected failure: nothing in the server provokes one on purpose
            "POST /cancelar_cliente 409",     // needs two cancellations of one booking in the same instant
            "POST /cancelar_cliente 500",
            "GET /passagens_cliente 405");    // the same MethodNotAllowed reply as the other endpoints' 405, checked there
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;
    private static Cluster cluster;
    private static ApiDescription api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiDescription.read("openapi.yaml");
        cluster = Cluster.start(Networks.withSeats(Networks.defaultNetwork(), "A", "São Paulo", "Curitiba", 1), dir, "A", "B", "C");
    }

    @AfterAll
    static void stop() {
        cluster.close();
        assertThat(api.checked()).as("every documented answer is provoked, or named in NOT_PROVOKED").containsAll(undocumentedLess());
    }

    @Test
    void when_swagger_parser_reads_the_document_then_it_is_openapi_3_1_without_errors() throws Exception {
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        io.swagger.v3.parser.core.models.SwaggerParseResult result =
                new io.swagger.v3.parser.OpenAPIV3Parser().readContents(Files.readString(SPEC), null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/caminhos_cliente", "/comprar_cliente", "/passagens_cliente",
                "/cancelar_cliente", "/saude", "/assentos_cliente", "/rede");
    }

    @Test
    void when_a_body_breaks_its_schema_then_the_validator_says_so() throws Exception {
        assertThat(api.schema("#/components/schemas/Saude").validate(Json.mapper().readTree("{\"companhia\":\"A\",\"pares\":{\"B\":\"sim\"}}")))
                .isNotEmpty();
        assertThat(api.schema("#/components/schemas/Erro").validate(Json.mapper().readTree("{\"erro\":\"x\",\"stack\":\"at ...\"}")))
                .isNotEmpty();
        assertThat(api.schema("#/components/schemas/CompraResposta").validate(Json.mapper().readTree(
                "{\"resultado\":\"Compra realizada com sucesso\",\"passagem\":{\"localizador\":\"abc\",\"cpf\":\"x\",\"trechos\":[],"
                        + "\"distancia_km\":1,\"valor\":1}}"))).isNotEmpty();
    }

    @Test
    void every_documented_answer_of_a_running_federation_matches_its_schema() throws Exception {
        URI a = cluster.uri("A");
        check(get(a, "/caminhos_cliente?origem=" + q("São Paulo") + "&destino=" + q("Porto Alegre")), "GET", "/caminhos_cliente", 200);
        check(get(a, "/caminhos_cliente?origem=" + q("Atlântida") + "&destino=" + q("Porto Alegre")), "GET", "/caminhos_cliente", 400);
        check(post(a, "/caminhos_cliente", "{}"), "GET", "/caminhos_cliente", 405);
        check(get(a, "/saude"), "GET", "/saude", 200);
        check(post(a, "/saude", "{}"), "GET", "/saude", 405);
        check(get(a, "/rede"), "GET", "/rede", 200);
        check(post(a, "/rede", "{}"), "GET", "/rede", 405);
        String leg = "origem=" + q("Curitiba") + "&destino=" + q("Florianópolis");
        check(get(a, "/assentos_cliente?" + leg + "&companhia=B"), "GET", "/assentos_cliente", 200);
        check(get(a, "/assentos_cliente?" + leg + "&companhia=Z"), "GET", "/assentos_cliente", 400);

        // Two passengers with chosen seats on a B leg; then a buyer who chose one of those seats is told which (409).
        String family = "{\"caminho\":[[\"B\"],[\"Curitiba\",\"Florianópolis\"]],\"passageiros\":["
                + "{\"cpf\":\"" + CPF + "\",\"nome\":\"Ana\",\"assentos\":[2]},{\"cpf\":\"111.444.777-35\",\"assentos\":[3]}]}";
        JsonNode families = check(post(a, "/comprar_cliente", family), "POST", "/comprar_cliente", 200);
        assertThat(families.get("passagem").get("passageiros")).hasSize(2);
        JsonNode taken = check(post(a, "/comprar_cliente", "{\"caminho\":[[\"B\"],[\"Curitiba\",\"Florianópolis\"]],\"passageiros\":["
                + "{\"cpf\":\"390.533.447-05\",\"assentos\":[3]}]}"), "POST", "/comprar_cliente", 409);
        assertThat(taken.get("assento_ocupado").get("assento").asInt()).isEqualTo(3);

        String spPoa = "[[\"A\",\"B\"],[\"São Paulo\",\"Curitiba\",\"Florianópolis\"]]";
        JsonNode bought = check(post(a, "/comprar_cliente", "{\"cpf\":\"" + CPF + "\",\"caminho\":" + spPoa + ",\"id_pedido\":\"oa-1\"}"),
                "POST", "/comprar_cliente", 200);
        check(post(a, "/comprar_cliente", "{\"cpf\":\"111.444.777-35\",\"caminho\":" + spPoa + "}"), "POST", "/comprar_cliente", 409);
        check(post(a, "/comprar_cliente", "{\"cpf\":\"123\",\"caminho\":" + spPoa + "}"), "POST", "/comprar_cliente", 400);
        check(get(a, "/comprar_cliente"), "POST", "/comprar_cliente", 405);
        check(post(a, "/comprar_cliente", "{\"cpf\":\"" + "9".repeat(70_000) + "\"}"), "POST", "/comprar_cliente", 413);

        check(get(a, "/passagens_cliente?cpf=" + q(CPF)), "GET", "/passagens_cliente", 200);
        check(get(a, "/passagens_cliente?cpf=123"), "GET", "/passagens_cliente", 400);
        check(get(a, "/passagens_cliente?localizador=" + bought.get("passagem").get("localizador").asText() + "&cpf=" + q(CPF)),
                "GET", "/passagens_cliente", 200);

        String localizador = bought.get("passagem").get("localizador").asText();
        check(post(a, "/cancelar_cliente", "{\"cpf\":\"" + CPF + "\"}"), "POST", "/cancelar_cliente", 400);
        check(post(a, "/cancelar_cliente", "{\"cpf\":\"" + CPF + "\",\"localizador\":\"ZZZZZZ\"}"), "POST", "/cancelar_cliente", 404);
        check(post(a, "/cancelar_cliente", "{\"cpf\":\"" + CPF + "\",\"localizador\":\"" + localizador + "\"}"), "POST", "/cancelar_cliente", 200);

        // With C stopped: a purchase with a leg on C, and the cancellation of a booking with one, do nothing (503).
        String withC = "[[\"A\",\"C\"],[\"São Paulo\",\"Rio de Janeiro\",\"Belo Horizonte\"]]";
        JsonNode onC = check(post(a, "/comprar_cliente", "{\"cpf\":\"" + CPF + "\",\"caminho\":" + withC + "}"), "POST", "/comprar_cliente", 200);
        cluster.stop("C");
        check(get(a, "/assentos_cliente?origem=" + q("Rio de Janeiro") + "&destino=" + q("Belo Horizonte") + "&companhia=C"),
                "GET", "/assentos_cliente", 503);
        check(post(a, "/comprar_cliente", "{\"cpf\":\"" + CPF + "\",\"caminho\":" + withC + "}"), "POST", "/comprar_cliente", 503);
        check(post(a, "/cancelar_cliente", "{\"cpf\":\"" + CPF + "\",\"localizador\":\"" + onC.get("passagem").get("localizador").asText() + "\"}"),
                "POST", "/cancelar_cliente", 503);
    }
    /** The accounts' endpoints and statuses (issue 16), on a federation with the accounts' rules (no open access). */
    @Test
    void every_documented_answer_of_the_accounts_matches_its_schema(@TempDir Path accountsDir) throws Exception {
        try (Cluster closed = Cluster.startWithAccounts(Networks.defaultNetwork(), accountsDir, "A", "B", "C")) {
            URI a = closed.uri("A");
            URI b = closed.uri("B");
            String cadastro = "{\"cpf\":\"" + CPF + "\",\"nome\":\"Ana\",\"email\":\"ana@example.com\",\"senha\":\"cavalo-bateria-grampo\"}";
            check(post(a, "/cadastro", cadastro), "POST", "/cadastro", 201);
            check(post(b, "/cadastro", cadastro), "POST", "/cadastro", 409);
            check(post(b, "/cadastro", cadastro.replace("cavalo-bateria-grampo", "curta")), "POST", "/cadastro", 400);
            JsonNode session = check(post(b, "/login", "{\"cpf\":\"" + CPF + "\",\"senha\":\"cavalo-bateria-grampo\"}"), "POST", "/login", 200);
            String token = session.get("token").asText();
            assertThat(check(post(b, "/login", "{\"cpf\":\"" + CPF + "\",\"senha\":\"errada-errada\"}"), "POST", "/login", 401)).isNotNull();
            JsonNode renewed = check(post(a, "/login/renovar", "{\"renovacao\":\"" + session.get("renovacao").asText() + "\"}"),
                    "POST", "/login/renovar", 200);
            check(post(a, "/login/renovar", "{\"renovacao\":\"" + session.get("renovacao").asText() + "\"}"), "POST", "/login/renovar", 401);
            check(post(b, "/logout", "{\"renovacao\":\"" + renewed.get("renovacao").asText() + "\"}"), "POST", "/logout", 204);
            check(get(b, "/.well-known/jwks.json"), "GET", "/.well-known/jwks.json", 200);
            check(post(b, "/.well-known/jwks.json", "{}"), "GET", "/.well-known/jwks.json", 405);
            check(post(b, "/logout", "[1]"), "POST", "/logout", 400);

            String path = "{\"cpf\":\"" + CPF + "\",\"caminho\":[[\"A\"],[\"Cuiabá\",\"Goiânia\"]]}";
            String localizador = check(send(a, "POST", "/comprar_cliente", path, token), "POST", "/comprar_cliente", 200)
                    .get("passagem").get("localizador").asText();
            check(send(a, "POST", "/comprar_cliente", path, "x.y.z"), "POST", "/comprar_cliente", 401);
            check(send(b, "GET", "/conta", null, token), "GET", "/conta", 200);
            check(get(b, "/conta"), "GET", "/conta", 401);
            check(send(a, "GET", "/passagens_cliente", null, token), "GET", "/passagens_cliente", 200);
            check(get(a, "/passagens_cliente?cpf=" + q(CPF)), "GET", "/passagens_cliente", 401);
            check(send(a, "GET", "/passagens_cliente?cpf=111.444.777-35", null, token), "GET", "/passagens_cliente", 403);
            check(get(a, "/passagens_cliente?localizador=ZZZZZZ&cpf=" + q(CPF)), "GET", "/passagens_cliente", 404);
            check(send(a, "POST", "/cancelar_cliente", "{\"localizador\":\"" + localizador + "\"}", "x.y.z"), "POST", "/cancelar_cliente", 401);
            check(send(a, "POST", "/cancelar_cliente", "{\"localizador\":\"" + localizador + "\",\"cpf\":\"111.444.777-35\"}", token),
                    "POST", "/cancelar_cliente", 403);
            check(send(b, "DELETE", "/conta", "{\"senha\":\"errada-errada\"}", token), "DELETE", "/conta", 401);
            check(send(b, "DELETE", "/conta", "{\"senha\":\"cavalo-bateria-grampo\"}", token), "DELETE", "/conta", 204);

            // the per-address limits, last: they hold for a minute and more
            HttpResponse<String> limited = null;
            for (int i = 0; i < 12 && (limited == null || limited.statusCode() != 429); i++) {
                limited = post(a, "/login", "{\"cpf\":\"" + CPF + "\",\"senha\":\"errada-errada\"}");
            }
            check(limited, "POST", "/login", 429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            // /login/renovar shares the login limit, spent above
            check(post(a, "/login/renovar", "{\"renovacao\":\"A.x\"}"), "POST", "/login/renovar", 429);
            limited = null;
            for (int i = 0; i < 8 && (limited == null || limited.statusCode() != 429); i++) {
                limited = post(a, "/cadastro", cadastro.replace(CPF, Buyers.cpf(9_000 + i)));
            }
            check(limited, "POST", "/cadastro", 429);
            limited = null;
            for (int i = 0; i < 40 && (limited == null || limited.statusCode() != 429); i++) {
                limited = get(a, "/passagens_cliente?localizador=ZZZZZZ&cpf=" + q(CPF));
            }
            check(limited, "GET", "/passagens_cliente", 429);
            check(post(a, "/cancelar_cliente", "{\"localizador\":\"ZZZZZZ\",\"cpf\":\"" + CPF + "\"}"), "POST", "/cancelar_cliente", 429);

            closed.stop("C");
            check(post(b, "/cadastro", cadastro.replace(CPF, Buyers.cpf(9_100))), "POST", "/cadastro", 503);
        }
    }

    private static HttpResponse<String> send(URI base, String method, String pathAndQuery, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    /** Every documented (method, path, status) less those named as not provoked. */
    private static Set<String> undocumentedLess() {
        Set<String> documented = new TreeSet<>(api.documentedAnswers());
        assertThat(documented).containsAll(NOT_PROVOKED);
        documented.removeAll(NOT_PROVOKED);
        return documented;
    }

    private static JsonNode check(HttpResponse<String> response, String method, String path, int status) throws Exception {
        return api.check(response, method, path, status);
    }

    private static HttpResponse<String> get(URI base, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
