package passcom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.api.CaminhosResposta;
import passcom.api.Codigo;
import passcom.api.CompraResposta;
import passcom.api.MapaAssentos;
import passcom.api.Passageiro;
import passcom.api.Passagem;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCompra;
import passcom.api.Rede;
import passcom.api.Saude;
import passcom.api.TrechoAssento;
import passcom.client.fake.FakeAirlineServer;

class PasscomClientTest {

    private static final String CPF = "52998224725";
    private static final List<List<String>> CAMINHO = List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"));
    /**
     * Short enough that a test of a timeout stays quick (a 5 s stall outlasts them), long enough that a fake
     * server on a loaded machine still answers in time (500 ms was missed at load average 60).
     */
    private static final PasscomClient.Timeouts SHORT =
            new PasscomClient.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));

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
        assertThat(answer.passagem().trechos()).extracting(t -> t.assento()).containsExactly(1, 1);
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
    void when_a_purchase_gets_a_5xx_without_a_codigo_then_the_outcome_is_unknown_not_nothing_bought(int status) throws Exception {
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
    void when_a_purchase_gets_503_indisponivel_nada_comprado_then_it_is_a_definite_airline_unreachable_not_unknown() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/comprar_cliente", 503, "{\"codigo\":\"INDISPONIVEL_NADA_COMPRADO\",\"erro\":\"A companhia C não respondeu; nada foi comprado.\"}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        AirlineUnreachable failure = catchThrowableOfType(AirlineUnreachable.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "pedido-c")));

        assertThat(failure.codigo()).isEqualTo(Codigo.INDISPONIVEL_NADA_COMPRADO);
        assertThat(failure.serverMessage()).contains("nada foi comprado");
    }

    @Test
    void when_a_purchase_answer_names_its_codigo_then_the_code_decides_not_which_fields_are_set() throws Exception {
        FakeAirlineServer a = server("A");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        a.respond("/comprar_cliente", 409, "{\"codigo\":\"EM_ANDAMENTO\",\"erro\":\"ainda decidindo\"}");
        OutcomeUnknown deciding = catchThrowableOfType(OutcomeUnknown.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p-1")));
        a.respond("/comprar_cliente", 409, "{\"codigo\":\"NADA_COMPRADO\",\"erro\":\"a companhia B recusou o pedido\",\"id_pedido\":\"p-2\"}");
        SeatsUnavailable refused = catchThrowableOfType(SeatsUnavailable.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p-2")));
        a.respond("/comprar_cliente", 503, "{\"codigo\":\"ARMAZENAMENTO_INDISPONIVEL\",\"erro\":\"armazenamento indisponível\"}");
        RequestRejected storeDown = catchThrowableOfType(RequestRejected.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p-3")));
        a.respond("/comprar_cliente", 500, "{\"codigo\":\"DESCONHECIDO\",\"erro\":\"erro interno\"}");
        OutcomeUnknown failed = catchThrowableOfType(OutcomeUnknown.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p-4")));

        assertThat(deciding.codigo()).isEqualTo(Codigo.EM_ANDAMENTO);
        assertThat(deciding.idPedido()).isEqualTo("p-1");
        assertThat(refused.codigo()).as("an echoed id_pedido no longer reads as 'still deciding'").isEqualTo(Codigo.NADA_COMPRADO);
        assertThat(storeDown.codigo()).isEqualTo(Codigo.ARMAZENAMENTO_INDISPONIVEL);
        assertThat(storeDown.status()).isEqualTo(503);
        assertThat(failed.codigo()).isEqualTo(Codigo.DESCONHECIDO);
    }

    @Test
    void when_a_purchase_answer_names_a_code_newer_than_the_client_then_it_is_read_by_its_status() throws Exception {
        FakeAirlineServer a = server("A");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        a.respond("/comprar_cliente", 503, "{\"codigo\":\"CODIGO_DO_FUTURO\",\"erro\":\"algo novo\"}");
        OutcomeUnknown unknown = catchThrowableOfType(OutcomeUnknown.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p-5")));
        a.respond("/comprar_cliente", 400, "{\"codigo\":\"CODIGO_DO_FUTURO\",\"erro\":\"algo novo\"}");
        RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> client.buy(new PedidoCompra(CPF, CAMINHO, "p-6")));

        assertThat(unknown.idPedido()).isEqualTo("p-5");
        assertThat(rejected.codigo()).isEqualTo(Codigo.REQUISICAO_INVALIDA);
        assertThat(rejected.serverMessage()).isEqualTo("algo novo");
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

    private static final String CPF_2 = "11144477735";

    @Test
    void when_the_network_is_asked_then_cities_with_coordinates_segments_and_airline_prices_are_read() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/rede", 200, """
                {"cidades":[{"nome":"Cuiabá","lat":-15.6,"lon":-56.1},{"nome":"Goiânia","lat":-16.69,"lon":-49.26}],
                 "trechos":[{"origem":"Cuiabá","destino":"Goiânia","distancia_km":890,"companhias":["A","B"]}],
                 "companhias":[{"id":"A","preco_por_100km":115.00},{"id":"B","preco_por_100km":135.00}]}
                """);
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        Rede rede = client.rede().orElseThrow();

        assertThat(rede.cidades()).extracting(c -> c.nome()).containsExactly("Cuiabá", "Goiânia");
        assertThat(rede.cidades().get(0).lat()).isEqualTo(-15.6);
        assertThat(rede.trechos()).singleElement().satisfies(t -> {
            assertThat(t.distanciaKm()).isEqualTo(890);
            assertThat(t.companhias()).containsExactly("A", "B");
        });
        assertThat(rede.companhias().get(1).precoPor100km()).isEqualByComparingTo("135");
        assertThat(a.requests()).containsExactly("GET /rede");
    }

    @Test
    void when_the_server_predates_rede_then_the_404_is_no_network_rather_than_a_failure() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/rede", 404, "{\"erro\":\"caminho desconhecido: /rede\"}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        assertThat(client.rede()).isEmpty();
    }

    @Test
    void when_a_seat_map_is_asked_then_the_leg_is_named_in_the_query_and_free_and_taken_seats_are_read() throws Exception {
        FakeAirlineServer a = server("A");
        a.take("Cuiabá", "Goiânia", "A", 2);
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        MapaAssentos map = client.assentos("Cuiabá", "Goiânia", "A");

        assertThat(map.capacidade()).isEqualTo(FakeAirlineServer.DEFAULT_CAPACITY);
        assertThat(map.livres()).isEqualTo(FakeAirlineServer.DEFAULT_CAPACITY - 1);
        assertThat(map.assentos().get(1).livre()).isFalse();
        assertThat(map.assentos().get(0).livre()).isTrue();
        assertThat(a.requests()).containsExactly("GET /assentos_cliente?origem=Cuiabá&destino=Goiânia&companhia=A");
    }

    @Test
    void when_two_passengers_buy_with_one_chosen_seat_then_one_booking_seats_both_on_every_leg() throws Exception {
        FakeAirlineServer a = server("A");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);
        PedidoCompra pedido = new PedidoCompra(null, CAMINHO, "familia-1",
                List.of(new Passageiro(CPF, "Maria", Arrays.asList(7, null)), new Passageiro(CPF_2, null, null)));

        Passagem booking = client.buy(pedido).passagem();

        assertThat(a.requests().get(0)).contains("\"passageiros\":[{\"cpf\":\"52998224725\",\"nome\":\"Maria\",\"assentos\":[7,null]}",
                "{\"cpf\":\"11144477735\"}", "\"id_pedido\":\"familia-1\"").doesNotContain("\"cpf\":null");
        assertThat(booking.passageiros()).extracting(Passageiro::assentos).containsExactly(List.of(7, 1), List.of(1, 2));
        assertThat(booking.valor()).isEqualByComparingTo(new BigDecimal("2225.00").multiply(BigDecimal.valueOf(2)));
        assertThat(client.tickets(CPF_2).passagens()).extracting(Passagem::localizador).containsExactly(booking.localizador());
    }

    @Test
    void when_a_chosen_seat_was_taken_meanwhile_then_the_409_is_a_definite_refusal_naming_leg_and_seat() throws Exception {
        FakeAirlineServer a = server("A");
        a.take("Goiânia", "Belo Horizonte", "B", 5);
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);
        PedidoCompra pedido = new PedidoCompra(null, CAMINHO, "pedido-assento",
                List.of(new Passageiro(CPF, null, Arrays.asList(null, 5))));

        SeatTaken failure = catchThrowableOfType(SeatTaken.class, () -> client.buy(pedido));

        assertThat(failure.seat()).isEqualTo(new TrechoAssento("Goiânia", "Belo Horizonte", "B", 5));
        assertThat(failure).isInstanceOf(SeatsUnavailable.class);
        assertThat(failure.serverMessage()).contains("5", "Goiânia → Belo Horizonte");
        assertThat(client.tickets(CPF).passagens()).as("nothing bought").isEmpty();
    }

    @Test
    void when_a_taken_seat_answer_also_echoes_the_id_pedido_then_it_is_still_a_definite_refusal() throws Exception {
        FakeAirlineServer a = server("A");
        a.respond("/comprar_cliente", 409, "{\"resultado\":\"Assento indisponível\",\"erro\":\"assento 5 ocupado\",\"id_pedido\":\"p9\","
                + "\"assento_ocupado\":{\"origem\":\"Cuiabá\",\"destino\":\"Goiânia\",\"companhia\":\"A\",\"assento\":5}}");
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);

        SeatTaken failure = catchThrowableOfType(SeatTaken.class, () -> client.buy(new PedidoCompra(null, CAMINHO, "p9",
                List.of(new Passageiro(CPF, null, Arrays.asList(5, null))))));

        assertThat(failure.seat().assento()).isEqualTo(5);
    }

    @Test
    void when_a_family_is_bigger_than_the_seats_left_then_the_409_is_seats_unavailable_and_nothing_is_held() throws Exception {
        FakeAirlineServer a = server("A");
        a.setCapacity(2);
        PasscomClient client = new PasscomClient(List.of(a.endpoint()), SHORT);
        List<Passageiro> three = List.of(new Passageiro(CPF, null, null), new Passageiro(CPF_2, null, null),
                new Passageiro("39053344705", null, null));

        SeatsUnavailable failure = catchThrowableOfType(SeatsUnavailable.class, () -> client.buy(new PedidoCompra(null, CAMINHO, "tres", three)));

        assertThat(failure).isNotInstanceOf(SeatTaken.class);
        assertThat(client.assentos("Cuiabá", "Goiânia", "A").livres()).isEqualTo(2);
    }
}
