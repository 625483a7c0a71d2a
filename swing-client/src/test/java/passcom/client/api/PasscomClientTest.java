package passcom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.api.CaminhosResposta;
import passcom.api.CompraResposta;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCompra;
import passcom.api.Saude;
import passcom.client.fake.FakeAirlineServer;

class PasscomClientTest {

    private static final String CPF = "52998224725";
    private static final List<List<String>> CAMINHO = List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"));
    private static final PasscomClient.Timeouts SHORT =
            new PasscomClient.Timeouts(Duration.ofMillis(500), Duration.ofMillis(700), Duration.ofMillis(700), Duration.ofMillis(500));

    /** The contract's own example shape, written by hand so that a naming mistake in the records shows. */
    private static final String CAMINHOS = """
            {"origem":"Cuiabá","destino":"Belo Horizonte","servidor":"A","companhias_indisponiveis":["C"],
             "mais_curtos":[{"caminho":[["A","B"],["Cuiabá","Goiânia","Belo Horizonte"]],
                             "trechos":[{"origem":"Cuiabá","destino":"Goiânia","companhia":"A","distancia_km":890,"preco":1023.50},
                                        {"origem":"Goiânia","destino":"Belo Horizonte","companhia":"B","distancia_km":890,"preco":1201.50}],
                             "distancia_km":1780,"preco":2225.00}],
             "mais_baratos":[],
             "caminhos_encontrados":[["A",["Cuiabá","Goiânia","Belo Horizonte"]],["B"]]}
            """;

    private final List<FakeAirlineServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(FakeAirlineServer::close);
    }

    private FakeAirlineServer server(String id) throws Exception {
        FakeAirlineServer server = FakeAirlineServer.start(id);
        servers.add(server);
        return server;
    }

    @Test
    void when_search_answers_then_the_contract_fields_are_read() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/caminhos_cliente", 200, CAMINHOS);
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        CaminhosResposta answer = client.search("Cuiabá", "Belo Horizonte");

        assertThat(answer.companhiasIndisponiveis()).containsExactly("C");
        assertThat(answer.maisCurtos()).hasSize(1);
        assertThat(answer.maisCurtos().get(0).caminho()).isEqualTo(CAMINHO);
        assertThat(answer.maisCurtos().get(0).distanciaKm()).isEqualTo(1780);
        assertThat(answer.maisCurtos().get(0).preco()).isEqualByComparingTo("2225.00");
        assertThat(answer.maisCurtos().get(0).trechos().get(1).companhia()).isEqualTo("B");
        assertThat(a.requests()).containsExactly("GET /caminhos_cliente?origem=Cuiabá&destino=Belo Horizonte");
    }

    @Test
    void when_buying_then_the_body_carries_cpf_caminho_and_id_pedido_in_snake_case() throws Exception {
        FakeAirlineServer a = server("A");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        CompraResposta answer = client.buy(new PedidoCompra(CPF, CAMINHO, "pedido-1"));

        assertThat(answer.resultado()).isEqualTo(CompraResposta.SUCESSO);
        assertThat(answer.passagem().trechos()).extracting(t -> t.assento()).containsExactly(1, 2);
        assertThat(a.requests().get(0)).startsWith("POST /comprar_cliente ")
                .contains("\"cpf\":\"52998224725\"", "\"id_pedido\":\"pedido-1\"", "\"caminho\":[[\"A\",\"B\"],[\"Cuiabá\",\"Goiânia\",\"Belo Horizonte\"]]");
    }

    @Test
    void when_a_leg_sold_out_then_seats_unavailable_carries_the_server_words() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/comprar_cliente", 409, "{\"resultado\":\"Caminho indisponível\",\"erro\":\"sem assento em Goiânia → Belo Horizonte (B)\"}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        SeatsUnavailable failure = catchThrowableOfType(SeatsUnavailable.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p")));

        assertThat(failure.serverMessage()).isEqualTo("sem assento em Goiânia → Belo Horizonte (B)");
    }

    @Test
    void when_the_server_rejects_the_request_then_its_erro_is_the_message() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/comprar_cliente", 400, "{\"erro\":\"CPF inválido: dígitos verificadores não conferem\"}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        RequestRejected failure = catchThrowableOfType(RequestRejected.class, () -> client.buy(new PedidoCompra("11111111111", CAMINHO, "p")));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.serverMessage()).isEqualTo("CPF inválido: dígitos verificadores não conferem");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {500, 502, 503, 504})
    void when_a_purchase_gets_a_5xx_then_the_outcome_is_unknown_not_nothing_bought(int status) throws Exception {
        FakeAirlineServer a = server("A");
        FakeAirlineServer b = server("B");
        a.respond("/comprar_cliente", status, "{\"erro\":\"armazenamento indisponível\"}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint(), b.endpoint()), SHORT);

        OutcomeUnknown failure = catchThrowableOfType(OutcomeUnknown.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "pedido-5xx")));

        assertThat(failure.server()).isEqualTo(a.endpoint());
        assertThat(failure.idPedido()).isEqualTo("pedido-5xx");
        assertThat(b.requests()).as("not sent elsewhere: it may have been done at A").isEmpty();
    }

    @Test
    void when_a_purchase_is_still_being_decided_then_the_409_is_an_unknown_outcome_not_seats_unavailable() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/comprar_cliente", 409, "{\"erro\":\"O pedido pedido-7 ainda está sendo processado; consulte de novo com o mesmo id_pedido.\","
                + "\"id_pedido\":\"pedido-7\"}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        OutcomeUnknown failure = catchThrowableOfType(OutcomeUnknown.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "pedido-7")));

        assertThat(failure.idPedido()).isEqualTo("pedido-7");
    }

    @Test
    void when_a_search_meets_an_unreachable_airline_then_the_503_is_airline_unreachable() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/passagens_cliente", 503, "{\"erro\":\"companhia C não respondeu\"}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        AirlineUnreachable failure = catchThrowableOfType(AirlineUnreachable.class, () -> client.tickets(CPF));

        assertThat(failure.serverMessage()).contains("companhia C não respondeu");
    }

    @Test
    void when_an_error_body_is_not_json_then_short_text_or_the_status_is_the_message() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/passagens_cliente", 404, "sem passagens");
        a.respond("/caminhos_cliente", 500, "<html><body>Server Error</body></html>");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        assertThat(catchThrowableOfType(RequestRejected.class, () -> client.tickets(CPF)).serverMessage()).isEqualTo("sem passagens");
        assertThat(catchThrowableOfType(RequestRejected.class, () -> client.search("Cuiabá", "Vitória")).serverMessage()).isEqualTo("HTTP 500");
    }

    @Test
    void when_the_connected_server_is_down_then_a_search_fails_over_and_says_so() throws Exception {
        ServerEndpoint down = FakeAirlineServer.closedEndpoint("A");
        FakeAirlineServer b = server("B");
        PasscomClient client = new PasscomClient(List.of(down, b.endpoint()), SHORT);
        List<Failover> heard = new ArrayList<>();
        client.addFailoverListener(heard::add);

        CaminhosResposta answer = client.search("Cuiabá", "Porto Alegre");

        assertThat(answer.maisCurtos()).isNotEmpty();
        assertThat(client.connected()).isEqualTo(b.endpoint());
        assertThat(heard).containsExactly(new Failover(down, b.endpoint()));
    }

    @Test
    void when_a_purchase_cannot_connect_then_the_next_server_gets_it_once() throws Exception {
        ServerEndpoint down = FakeAirlineServer.closedEndpoint("A");
        FakeAirlineServer b = server("B");
        PasscomClient client = new PasscomClient(List.of(down, b.endpoint()), SHORT);

        CompraResposta answer = client.buy(new PedidoCompra(CPF, CAMINHO, "pedido-2"));

        assertThat(answer.passagem().cpf()).isEqualTo(CPF);
        assertThat(b.requests()).hasSize(1);
        assertThat(client.connected()).isEqualTo(b.endpoint());
    }

    @Test
    void when_a_purchase_gets_no_answer_then_the_outcome_is_unknown_and_no_other_server_is_tried() throws Exception {
        FakeAirlineServer a = server("A");
        FakeAirlineServer b = server("B");
        a.respond("/comprar_cliente", 200, "{}", 5_000);
        PasscomClient client = new PasscomClient(List.of(a.endpoint(), b.endpoint()), SHORT);

        OutcomeUnknown failure = catchThrowableOfType(OutcomeUnknown.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "pedido-3")));

        assertThat(failure.idPedido()).isEqualTo("pedido-3");
        assertThat(failure.server()).isEqualTo(a.endpoint());
        assertThat(b.requests()).isEmpty();
        assertThat(client.connected()).isEqualTo(a.endpoint());
    }

    @Test
    void when_a_purchase_is_retried_with_the_same_id_pedido_then_the_first_ticket_comes_back() throws Exception {
        FakeAirlineServer a = server("A");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);
        PedidoCompra pedido = new PedidoCompra(CPF, CAMINHO, "pedido-4");

        CompraResposta first = client.buy(pedido);
        CompraResposta again = client.retryPurchase(a.endpoint(), pedido);

        assertThat(again.passagem()).isEqualTo(first.passagem());
        assertThat(client.tickets(CPF).passagens()).hasSize(1);
    }

    @Test
    void when_no_server_answers_then_no_server_answers_names_them() throws Exception {
        PasscomClient client = new PasscomClient(
                List.of(FakeAirlineServer.closedEndpoint("A"), FakeAirlineServer.closedEndpoint("B")), SHORT);

        NoServerAnswers failure = catchThrowableOfType(NoServerAnswers.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p")));

        assertThat(failure).hasMessageContaining("[A, B]");
    }

    @Test
    void when_tickets_are_listed_and_one_is_cancelled_then_it_is_gone() throws Exception {
        FakeAirlineServer a = server("A");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);
        String reference = client.buy(new PedidoCompra(CPF, CAMINHO, "pedido-5")).passagem().localizador();

        PassagensResposta before = client.tickets(CPF);
        client.cancel(CPF, reference);
        PassagensResposta after = client.tickets(CPF);

        assertThat(before.passagens()).extracting(p -> p.localizador()).containsExactly(reference);
        assertThat(before.passagens().get(0).valor()).isEqualByComparingTo(new BigDecimal("1023.50").add(new BigDecimal("1201.50")));
        assertThat(after.passagens()).isEmpty();
        assertThat(catchThrowableOfType(RequestRejected.class, () -> client.cancel(CPF, reference)).status()).isEqualTo(404);
    }

    @Test
    void when_health_is_asked_then_the_airline_and_its_peers_are_read() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/saude", 200, "{\"companhia\":\"A\",\"pares\":{\"B\":true,\"C\":false},\"reservas_abertas\":2,\"transacoes_pendentes\":1,\"passagens_vendidas\":5,\"decisoes_conflitantes\":0}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        Saude saude = client.health(a.endpoint());

        assertThat(saude.companhia()).isEqualTo("A");
        assertThat(saude.pares()).containsEntry("B", true).containsEntry("C", false);
        assertThat(saude.reservasAbertas()).isEqualTo(2);
        assertThat(saude.transacoesPendentes()).isEqualTo(1);
    }
}
