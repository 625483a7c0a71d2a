package passcom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import passcom.api.Conta;
import passcom.api.ContaDados;
import passcom.api.Json;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCadastro;
import passcom.api.PedidoCompra;
import passcom.api.Sessao;

/**
 * What the client sends for each account call and how it reads each answer of the wire contract
 * (/work/accounts-contract.md, issue 16): bodies written by hand here, so a naming slip in the records shows.
 */
class AccountCallsTest {

    private static final String CPF = "52998224725";
    private static final String SESSAO = "{\"token\":\"jwt-1\",\"expira_em\":\"2026-12-06T18:15:00Z\",\"renovacao\":\"r-1\"}";
    private static final String PASSAGEM = "{\"localizador\":\"ABC123\",\"cpf\":\"52998224725\",\"trechos\":[{\"origem\":\"São Paulo\","
            + "\"destino\":\"Curitiba\",\"companhia\":\"A\",\"distancia_km\":340,\"preco\":200.00,\"assento\":2}],"
            + "\"distancia_km\":340,\"valor\":200.00,\"comprada_em\":\"2026-12-06T17:00:00Z\",\"vendida_por\":\"A\"}";
    private static final List<List<String>> CAMINHO = List.of(List.of("A"), List.of("São Paulo", "Curitiba"));

    private RecordingServer server;
    private PasscomClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        client = new PasscomClient(List.of(server.endpoint("A")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void when_logging_in_then_cpf_and_senha_are_posted_and_the_session_is_read() throws Exception {
        server.answer("POST /login", 200, SESSAO);

        Sessao sessao = client.accounts().login(CPF, "uma senha longa");

        assertThat(sessao.token()).isEqualTo("jwt-1");
        assertThat(sessao.expiraEm()).isEqualTo(Instant.parse("2026-12-06T18:15:00Z"));
        assertThat(sessao.renovacao()).isEqualTo("r-1");
        JsonNode sent = Json.mapper().readTree(server.requests("POST /login").get(0).body());
        assertThat(sent.get("cpf").asText()).isEqualTo(CPF);
        assertThat(sent.get("senha").asText()).isEqualTo("uma senha longa");
    }

    @Test
    void when_login_is_refused_then_not_authenticated_carries_the_servers_words() {
        server.answer("POST /login", 401, "{\"erro\":\"CPF ou senha inválidos\"}", "WWW-Authenticate", "Bearer");

        NotAuthenticated refused = catchThrowableOfType(NotAuthenticated.class, () -> client.accounts().login(CPF, "errada errada"));

        assertThat(refused.serverMessage()).isEqualTo("CPF ou senha inválidos");
    }

    @Test
    void when_too_many_logins_then_rate_limited_says_when_to_try_again() {
        server.answer("POST /login", 429, "{\"erro\":\"Muitas tentativas\"}", "Retry-After", "42");

        RateLimited limited = catchThrowableOfType(RateLimited.class, () -> client.accounts().login(CPF, "qualquer senha"));

        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(42));
        assertThat(limited.serverMessage()).isEqualTo("Muitas tentativas");
    }

    @Test
    void when_signing_up_then_201_is_the_account_409_account_exists_and_400_names_the_field() throws Exception {
        server.answer("POST /cadastro", 201, "{\"cpf\":\"52998224725\",\"nome\":\"Ana\",\"email\":\"ana@example.com\","
                        + "\"companhia\":\"B\",\"criada_em\":\"2026-12-06T17:40:00Z\"}")
                .answer("POST /cadastro", 409, "{\"erro\":\"Já existe uma conta para este CPF.\"}")
                .answer("POST /cadastro", 400, "{\"erro\":\"senha: use pelo menos 10 caracteres\"}");
        PedidoCadastro pedido = new PedidoCadastro(CPF, "Ana", "ana@example.com", "uma senha longa");

        Conta conta = client.accounts().register(pedido);
        AccountExists exists = catchThrowableOfType(AccountExists.class, () -> client.accounts().register(pedido));
        RequestRejected bad = catchThrowableOfType(RequestRejected.class, () -> client.accounts().register(pedido));

        assertThat(conta.companhia()).isEqualTo("B");
        assertThat(conta.criadaEm()).isEqualTo(Instant.parse("2026-12-06T17:40:00Z"));
        assertThat(exists.serverMessage()).isEqualTo("Já existe uma conta para este CPF.");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.serverMessage()).startsWith("senha:");
        JsonNode sent = Json.mapper().readTree(server.requests("POST /cadastro").get(0).body());
        assertThat(sent.fieldNames()).toIterable().containsExactlyInAnyOrder("cpf", "nome", "email", "senha");
    }

    @Test
    void when_listing_my_tickets_then_the_token_goes_in_the_bearer_header_and_no_cpf_in_the_url() throws Exception {
        server.answer("GET /passagens_cliente", 200, "{\"cpf\":\"52998224725\",\"passagens\":[" + PASSAGEM + "],\"companhias_indisponiveis\":[]}");

        PassagensResposta answer = client.myTickets("jwt-1");

        assertThat(answer.passagens()).extracting(p -> p.localizador()).containsExactly("ABC123");
        RecordingServer.Request sent = server.requests().get(0);
        assertThat(sent.pathAndQuery()).isEqualTo("/passagens_cliente");
        assertThat(sent.authorization()).isEqualTo("Bearer jwt-1");
    }

    @Test
    void when_looking_up_by_localizador_then_both_go_in_the_query_without_a_token_and_404_is_not_found() throws Exception {
        server.answer("GET /passagens_cliente", 200, "{\"passagens\":[" + PASSAGEM + "],\"companhias_indisponiveis\":[]}")
                .answer("GET /passagens_cliente", 404, "{\"erro\":\"Reserva não encontrada\"}");

        PassagensResposta found = client.ticket("ABC123", CPF);
        RequestRejected missing = catchThrowableOfType(RequestRejected.class, () -> client.ticket("ZZZ999", CPF));

        assertThat(found.passagens()).hasSize(1);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.serverMessage()).isEqualTo("Reserva não encontrada");
        assertThat(server.requests().get(0).pathAndQuery()).isEqualTo("/passagens_cliente?localizador=ABC123&cpf=52998224725");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void when_a_holder_cancels_then_only_the_localizador_is_sent_with_the_token() throws Exception {
        server.answer("POST /cancelar_cliente", 200, "{\"resultado\":\"Passagem cancelada\",\"passagem\":" + PASSAGEM + "}");

        client.cancelAsHolder("jwt-1", "ABC123");
        client.cancel(CPF, "ABC123");

        List<RecordingServer.Request> sent = server.requests("POST /cancelar_cliente");
        assertThat(sent.get(0).authorization()).isEqualTo("Bearer jwt-1");
        assertThat(Json.mapper().readTree(sent.get(0).body()).fieldNames()).toIterable().containsExactly("localizador");
        assertThat(sent.get(1).authorization()).isNull();
        assertThat(Json.mapper().readTree(sent.get(1).body()).get("cpf").asText()).isEqualTo(CPF);
    }

    @Test
    void when_a_logged_in_customer_buys_then_the_token_is_sent_and_a_guest_sends_none() throws Exception {
        server.answer("POST /comprar_cliente", 200, "{\"resultado\":\"Compra realizada com sucesso\",\"passagem\":" + PASSAGEM + "}");

        client.buy(new PedidoCompra(CPF, CAMINHO, "p-1"), "jwt-1");
        client.buy(new PedidoCompra(CPF, CAMINHO, "p-2"));

        assertThat(server.requests()).extracting(RecordingServer.Request::authorization).containsExactly("Bearer jwt-1", null);
    }

    @Test
    void when_a_token_is_refused_on_a_listing_then_it_is_not_authenticated_not_a_rejection() {
        server.answer("GET /passagens_cliente", 401, "{\"erro\":\"token expirado\"}", "WWW-Authenticate", "Bearer");

        assertThat(catchThrowableOfType(NotAuthenticated.class, () -> client.myTickets("old")).serverMessage()).isEqualTo("token expirado");
    }

    @Test
    void when_renewing_logging_out_and_reading_the_account_then_each_follows_the_contract() throws Exception {
        server.answer("POST /login/renovar", 200, SESSAO.replace("jwt-1", "jwt-2").replace("r-1", "r-2"))
                .answer("POST /logout", 204, null)
                .answer("GET /conta", 200, "{\"cpf\":\"52998224725\",\"nome\":\"Ana\",\"email\":\"ana@example.com\",\"companhia\":\"A\","
                        + "\"criada_em\":\"2026-12-06T17:40:00Z\",\"passagens\":[" + PASSAGEM + "],\"companhias_indisponiveis\":[\"C\"]}");

        Sessao renewed = client.accounts().renew("r-1");
        client.accounts().logout("r-2");
        ContaDados conta = client.accounts().account("jwt-2");

        assertThat(renewed.token()).isEqualTo("jwt-2");
        assertThat(Json.mapper().readTree(server.requests("POST /login/renovar").get(0).body()).get("renovacao").asText()).isEqualTo("r-1");
        assertThat(Json.mapper().readTree(server.requests("POST /logout").get(0).body()).get("renovacao").asText()).isEqualTo("r-2");
        assertThat(conta.nome()).isEqualTo("Ana");
        assertThat(conta.passagens()).hasSize(1);
        assertThat(conta.companhiasIndisponiveis()).containsExactly("C");
        assertThat(server.requests("GET /conta").get(0).authorization()).isEqualTo("Bearer jwt-2");
    }
}
