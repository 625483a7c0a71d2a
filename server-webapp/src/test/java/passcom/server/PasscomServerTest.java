package passcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Json;
import passcom.server.auth.FederationSigner;

/** One real server on port 0 with no peers, over real HTTP. */
class PasscomServerTest {

    private static final String CPF = "529.982.247-25";

    @TempDir
    static Path dataDir;

    private static PasscomServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        // the original contract, listing by CPF alone (--acesso-aberto); the accounts' rules: integration-tests AccountsIT
        server = PasscomServer.create(ServerConfig.forTest("A", dataDir).withOpenAccess(true)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void when_started_on_port_0_then_uri_has_the_real_port_and_health_answers() throws Exception {
        assertThat(server.uri().getPort()).isPositive();

        HttpResponse<String> response = get("/saude");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode health = json(response);
        assertThat(health.get("companhia").asText()).isEqualTo("A");
        assertThat(health.get("pares").size()).isZero();
        assertThat(health.has("reservas_abertas")).isTrue();
        assertThat(health.has("transacoes_pendentes")).isTrue();
    }

    @Test
    void when_routes_are_asked_then_shortest_and_cheapest_come_with_this_airlines_own_answer() throws Exception {
        HttpResponse<String> response = get("/caminhos_cliente?origem=" + enc("Cuiabá") + "&destino=" + enc("Porto Alegre"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("servidor").asText()).isEqualTo("A");
        assertThat(body.get("mais_curtos").size()).isBetween(1, 5);
        assertThat(body.get("mais_baratos").size()).isBetween(1, 5);
        JsonNode first = body.get("mais_curtos").get(0).get("caminho");
        assertThat(first.get(1).get(0).asText()).isEqualTo("Cuiabá");
        assertThat(first.get(0).size()).isEqualTo(first.get(1).size() - 1);
        assertThat(body.get("caminhos_encontrados").get(0).get(0).asText()).isEqualTo("A");
        assertThat(body.get("companhias_indisponiveis").size()).isZero();
    }

    @Test
    void when_a_route_is_asked_again_then_the_cached_answer_comes_whole_with_its_data_age_first() throws Exception {
        String query = "/caminhos_cliente?origem=" + enc("Vitória") + "&destino=" + enc("Porto Alegre");
        HttpResponse<String> first = get(query);
        HttpResponse<String> again = get(query);

        for (HttpResponse<String> answer : List.of(first, again)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).startsWith("{\"idade_dados_ms\":{\"A\":");
            assertThat(answer.headers().firstValueAsLong("Content-Length"))
                    .hasValue(answer.body().getBytes(StandardCharsets.UTF_8).length);
            JsonNode body = json(answer); // strict: a duplicate member or a stray comma fails here
            assertThat(body.get("idade_dados_ms").get("A").isIntegralNumber()).isTrue();
            assertThat(body.get("idade_dados_ms").get("A").asLong()).isNotNegative();
            assertThat(body.get("destino").asText()).isEqualTo("Porto Alegre");
        }
        assertThat(withoutAges(again)).isEqualTo(withoutAges(first));
    }

    @Test
    void when_parameters_come_as_a_json_body_then_they_are_accepted_like_the_original_client_sends_them() throws Exception {
        HttpResponse<String> response = send("GET", "/caminhos_cliente", "{\"origem\":\"Cuiabá\",\"destino\":\"Goiânia\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("destino").asText()).isEqualTo("Goiânia");
    }

    @Test
    void when_a_ticket_is_bought_listed_and_cancelled_then_each_step_answers_in_portuguese_fields() throws Exception {
        String path = "{\"cpf\":\"" + CPF + "\",\"caminho\":[[\"A\"],[\"Vitória\",\"Rio de Janeiro\"]],\"id_pedido\":\"server-test-1\"}";
        HttpResponse<String> bought = send("POST", "/comprar_cliente", path);
        HttpResponse<String> again = send("POST", "/comprar_cliente", path);

        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(200);
        JsonNode passagem = json(bought).get("passagem");
        assertThat(json(bought).get("resultado").asText()).isEqualTo("Compra realizada com sucesso");
        assertThat(passagem.get("localizador").asText()).hasSize(6);
        assertThat(passagem.get("trechos").get(0).get("assento").asInt()).isPositive();
        assertThat(json(again).get("passagem").get("localizador")).isEqualTo(passagem.get("localizador"));

        JsonNode listed = json(get("/passagens_cliente?cpf=" + enc(CPF)));
        assertThat(listed.get("passagens").findValuesAsText("localizador")).contains(passagem.get("localizador").asText());

        HttpResponse<String> cancelled = send("POST", "/cancelar_cliente",
                "{\"cpf\":\"" + CPF + "\",\"localizador\":\"" + passagem.get("localizador").asText() + "\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        HttpResponse<String> twice = send("POST", "/cancelar_cliente",
                "{\"cpf\":\"" + CPF + "\",\"localizador\":\"" + passagem.get("localizador").asText() + "\"}");
        assertThat(twice.statusCode()).isEqualTo(404);
    }

    @Test
    void when_input_is_bad_then_4xx_with_a_portuguese_message_and_never_a_stack_trace() throws Exception {
        assertError(get("/caminhos_cliente?origem=" + enc("Cuiabá")), 400, "destino");
        assertError(get("/caminhos_cliente?origem=Atlantida&destino=" + enc("Cuiabá")), 400, "Cidade desconhecida");
        assertError(get("/passagens_cliente?cpf=12345678900"), 400, "CPF inválido");
        assertError(send("POST", "/comprar_cliente", "{\"cpf\":"), 400, "JSON malformado");
        assertError(send("POST", "/comprar_cliente", "{\"cpf\":\"" + CPF + "\"}"), 400, "caminho");
        assertError(send("POST", "/comprar_cliente", "{\"cpf\":\"" + CPF + "\",\"caminho\":{\"a\":1}}"), 400, "caminho");
        assertError(send("POST", "/comprar_cliente", "{\"cpf\":\"" + CPF + "\",\"caminho\":[[\"A\"],[\"Cuiabá\",\"Porto Alegre\"]]}"), 400, "Cuiabá");
        assertError(send("POST", "/comprar_cliente", "{\"cpf\":\"" + CPF + "\",\"caminho\":[[\"Q\"],[\"Cuiabá\",\"Goiânia\"]]}"), 400, "Q");
        assertError(send("POST", "/cancelar_cliente", "{\"cpf\":\"" + CPF + "\"}"), 400, "localizador");
        assertError(send("DELETE", "/comprar_cliente", ""), 405, "POST");
        assertError(get("/comprar_cliente"), 405, "POST");
        assertError(get("/nada/aqui"), 404, "/nada/aqui");
    }

    @Test
    void when_the_body_is_1_mb_then_it_is_refused_with_a_message_the_client_receives() throws Exception {
        String big = "{\"cpf\":\"" + "9".repeat(1024 * 1024) + "\"}";

        HttpResponse<String> response = send("POST", "/comprar_cliente", big);

        assertThat(response.statusCode()).isIn(400, 413);
        assertThat(json(response).get("erro").asText()).contains("64 KiB");
    }

    @Test
    void when_a_server_endpoint_is_called_unsigned_or_with_another_secret_then_401_and_nothing_happens() throws Exception {
        String body = "{\"id_transacao\":\"never-seen\"}";
        FederationSigner stranger = new FederationSigner("not-our-secret", Clock.systemUTC(), Duration.ofSeconds(30));

        assertError(send("POST", "/rollback", body), 401, "não autenticada");
        assertError(signed(stranger, "POST", "/rollback", body), 401, "assinatura inválida");
        assertError(get("/decisao_servidor?id_transacao=x"), 401, "não autenticada");
    }

    @Test
    void when_a_server_endpoint_is_called_signed_with_the_federation_secret_then_it_answers() throws Exception {
        FederationSigner peer = new FederationSigner(ServerConfig.DEV_SECRET, Clock.systemUTC(), Duration.ofSeconds(30));

        HttpResponse<String> decision = signed(peer, "GET", "/decisao_servidor?id_transacao=desconhecida-1", "");
        HttpResponse<String> notAnId = signed(peer, "GET", "/decisao_servidor?id_transacao=" + enc("desconhecida 1"), "");
        HttpResponse<String> ping = signed(peer, "GET", "/ping_servidor", "");

        assertThat(decision.statusCode()).as(decision.body()).isEqualTo(200);
        assertThat(json(decision).get("decisao").asText()).isEqualTo("ABORTADA");
        assertThat(notAnId.statusCode()).as("an id no prepare is ever accepted under").isEqualTo(400);
        assertThat(json(notAnId).get("codigo").asText()).isEqualTo("REQUISICAO_INVALIDA");
        assertThat(json(notAnId).get("erro").asText()).contains("id_transacao");
        assertThat(json(ping).get("companhia").asText()).isEqualTo("A");
    }

    @Test
    void when_the_data_directory_does_not_exist_then_the_server_creates_it_with_its_parents(@TempDir Path root) {
        Path nested = root.resolve("federation/airlines/B");

        try (PasscomServer b = PasscomServer.create(ServerConfig.forTest("B", nested)).start()) {
            assertThat(nested).isDirectory();
            assertThat(b.uri().getPort()).isPositive();
        }
    }

    @Test
    void when_the_data_directory_is_a_file_then_start_up_fails_naming_the_path(@TempDir Path root) throws IOException {
        Path file = Files.writeString(root.resolve("B"), "not a directory");

        assertThatThrownBy(() -> PasscomServer.create(ServerConfig.forTest("B", file)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().normalize().toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void when_a_second_instance_of_an_airline_finds_its_metrics_port_taken_then_the_failure_names_that_port_and_how_to_move_it(
            @TempDir Path root) {
        int taken = server.metricsUri().orElseThrow().getPort();
        ServerConfig second = ServerConfig.forTest("A", root.resolve("A2"))
                .withMetrics(new ServerConfig.Metrics(ServerConfig.DEFAULT_HOST, Optional.of(taken)));

        assertThatThrownBy(() -> PasscomServer.create(second).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("metrics port " + taken)
                .hasMessageContaining("GET /metrics")
                .hasMessageContaining("already in use")
                .hasMessageContaining("--metrics-port N")
                .hasMessageContaining("--metrics-port 0")
                .hasMessageNotContaining("Failed to bind");

        try (PasscomServer moved = PasscomServer.create(second.withMetrics(ServerConfig.Metrics.ANY_PORT)).start()) {
            assertThat(moved.metricsUri()).hasValueSatisfying(uri -> assertThat(uri.getPort()).isPositive().isNotEqualTo(taken));
        }
    }

    @Test
    void when_the_customer_port_is_taken_then_the_failure_names_it_and_how_to_choose_another(@TempDir Path root) {
        int taken = server.uri().getPort();
        ServerConfig second = ServerConfig.forTest("B", root.resolve("B")).withPort(taken);

        assertThatThrownBy(() -> PasscomServer.create(second).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + taken)
                .hasMessageContaining("customers and peers")
                .hasMessageContaining("already in use")
                .hasMessageContaining("--port N")
                .hasMessageNotContaining("metrics");
    }

    @Test
    void when_instances_create_the_same_data_directory_at_once_then_every_one_succeeds(@TempDir Path root) throws Exception {
        Path shared = root.resolve("a/b/c/A");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> created = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                created.add(threads.submit(() -> DataDirectory.create(shared)));
            }
            for (Future<Path> each : created) {
                assertThat(each.get(10, TimeUnit.SECONDS)).isDirectory();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String mentions) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("<html");
        assertThat(json(response).get("erro").asText()).contains(mentions);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery, "");
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return HTTP.send(request(method, pathAndQuery, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> signed(FederationSigner signer, String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = request(method, pathAndQuery, body);
        Map<String, String> headers = signer.sign("B", method, pathAndQuery, body.getBytes(StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String method, String pathAndQuery, String body) {
        return HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static JsonNode withoutAges(HttpResponse<String> response) throws IOException {
        ObjectNode body = (ObjectNode) json(response);
        body.remove("idade_dados_ms");
        return body;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
