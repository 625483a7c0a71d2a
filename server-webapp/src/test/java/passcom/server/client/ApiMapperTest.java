package passcom.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import passcom.api.Json;
import passcom.api.Passageiro;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.Passenger;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Itinerary;
import passcom.core.route.Leg;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.Health;
import passcom.core.txn.PurchaseOrder;
import passcom.core.txn.SeatRequest;
import passcom.server.http.MalformedRequest;

class ApiMapperTest {

    private static final Cpf CPF = Cpf.parse("529.982.247-25");
    private static final Segment CUIABA_GOIANIA = new Segment("Cuiabá", "Goiânia", 890);
    private static final Segment GOIANIA_BH = new Segment("Goiânia", "Belo Horizonte", 890);
    private static final Booking BOOKING = new Booking("K7P2QX", CPF, List.of(
            new BookedLeg(CUIABA_GOIANIA, "A", 3, Money.of("1023.50")),
            new BookedLeg(GOIANIA_BH, "B", 1, Money.of("1201.50"))), Instant.parse("2025-03-01T12:00:00.123Z"), "B");

    @Test
    void when_a_booking_is_shown_then_every_leg_has_its_seat_and_totals_have_two_decimals() throws Exception {
        String text = Json.mapper().writeValueAsString(ApiMapper.passagem(BOOKING));
        JsonNode json = Json.mapper().readTree(text);

        assertThat(json.get("localizador").asText()).hasSize(6).isEqualTo("K7P2QX");
        assertThat(json.get("cpf").asText()).isEqualTo("529.982.247-25");
        assertThat(json.get("distancia_km").asInt()).isEqualTo(1780);
        assertThat(text).contains("\"valor\":2225.00").contains("\"preco\":1023.50");
        assertThat(json.get("comprada_em").asText()).isEqualTo("2025-03-01T12:00:00.123Z");
        JsonNode leg = json.get("trechos").get(1);
        assertThat(leg.get("origem").asText()).isEqualTo("Goiânia");
        assertThat(leg.get("companhia").asText()).isEqualTo("B");
        assertThat(leg.get("assento").asInt()).isEqualTo(1);
        assertThat(leg.get("preco").decimalValue()).isEqualByComparingTo("1201.50");
    }

    @Test
    void when_an_itinerary_is_shown_then_caminho_is_airlines_then_cities() {
        Itinerary itinerary = new Itinerary(List.of(new Leg(CUIABA_GOIANIA, "A", Money.of("1023.50")),
                new Leg(GOIANIA_BH, "B", Money.of("1201.50"))));

        Rota rota = ApiMapper.rota(itinerary);

        assertThat(rota.caminho()).containsExactly(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"));
        assertThat(rota.distanciaKm()).isEqualTo(1780);
        assertThat(rota.preco()).isEqualTo(new BigDecimal("2225.00"));
        assertThat(rota.trechos()).extracting(t -> t.companhia()).containsExactly("A", "B");
    }

    @Test
    void when_an_airline_answers_paths_then_the_original_shape_is_id_then_city_lists() {
        AirlinePaths answer = new AirlinePaths("A", Money.of("115"), List.of(List.of("Cuiabá", "Goiânia"), List.of("Cuiabá", "Campo Grande", "Goiânia")));

        assertThat(ApiMapper.caminhosEncontrados(answer))
                .containsExactly("A", List.of("Cuiabá", "Goiânia"), List.of("Cuiabá", "Campo Grande", "Goiânia"));
    }

    @Test
    void when_an_airline_answers_tickets_then_each_booking_lists_only_its_own_legs() throws Exception {
        AirlineTickets answer = new AirlineTickets("B", List.of(BOOKING), Set.of(), List.of(BOOKING.legs().get(1)));

        String json = Json.mapper().writeValueAsString(ApiMapper.passagensEncontradas(answer));

        assertThat(json).isEqualTo("[\"B\",{\"trechos\":[[\"Goiânia\",\"Belo Horizonte\"]],\"assentos\":[1],\"distancia\":890,\"valor\":1201.50}]");
    }

    @Test
    void when_a_purchase_names_a_path_then_the_order_carries_airlines_cities_and_request_id() {
        PurchaseOrder order = ApiMapper.order(new PedidoCompra("52998224725",
                List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")), "p-1"));

        assertThat(order).isEqualTo(new PurchaseOrder(CPF, PurchaseOrder.legs(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
                new passcom.core.txn.RequestId("p-1")));
    }

    @Test
    void when_a_purchase_names_passengers_then_each_comes_with_name_and_seats_and_null_means_any_seat() {
        Cpf second = Cpf.parse("111.444.777-35");
        PurchaseOrder order = ApiMapper.order(new PedidoCompra(null, List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
                "p-2", List.of(new Passageiro("529.982.247-25", "  Ana  ", java.util.Arrays.asList(3, null)), new Passageiro("11144477735", " ", null))));

        assertThat(order.passengers()).containsExactly(
                new PurchaseOrder.Traveller(CPF, "Ana", List.of(new SeatRequest.Chosen(3), SeatRequest.ANY)),
                new PurchaseOrder.Traveller(second, null, List.of()));
    }

    @Test
    void when_the_passengers_are_given_wrongly_then_400_names_the_field() {
        List<List<String>> caminho = List.of(List.of("A"), List.of("Cuiabá", "Goiânia"));
        assertThatThrownBy(() -> ApiMapper.order(new PedidoCompra("52998224725", caminho, null,
                List.of(new Passageiro("52998224725", null, null))))).isInstanceOf(MalformedRequest.class).hasMessageContaining("não os dois");
        assertThatThrownBy(() -> ApiMapper.order(new PedidoCompra(null, caminho, null, List.of())))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("passageiros");
        assertThatThrownBy(() -> ApiMapper.order(new PedidoCompra(null, caminho, null, List.of(new Passageiro("123", null, null)))))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("passageiros[0].cpf");
        assertThatThrownBy(() -> ApiMapper.order(new PedidoCompra(null, caminho, null, List.of(new Passageiro("52998224725", null, List.of(0))))))
                .isInstanceOf(MalformedRequest.class).hasMessageContaining("assento 0");
    }

    @Test
    void when_a_family_booking_is_shown_then_the_first_passenger_keeps_the_original_fields_and_valor_is_the_whole_cost() throws Exception {
        Booking family = new Booking("F4M1LY", List.of(new Passenger(CPF, "Ana"), new Passenger(Cpf.parse("11144477735"), null)),
                List.of(new BookedLeg(new Segment("Cuiabá", "Goiânia", 890), "A", List.of(3, 1), Money.of("1023.50"))),
                Instant.parse("2025-03-01T12:00:00Z"), "B");

        JsonNode passagem = Json.mapper().valueToTree(ApiMapper.passagem(family));

        assertThat(passagem.path("cpf").asText()).isEqualTo("529.982.247-25");
        assertThat(passagem.path("trechos").get(0).path("assento").asInt()).isEqualTo(3);
        assertThat(passagem.path("trechos").get(0).path("preco").decimalValue()).isEqualByComparingTo("1023.50");
        assertThat(passagem.path("valor").decimalValue()).isEqualByComparingTo("2047.00");
        assertThat(passagem.path("passageiros").get(0).path("nome").asText()).isEqualTo("Ana");
        assertThat(passagem.path("passageiros").get(1).path("cpf").asText()).isEqualTo("111.444.777-35");
        assertThat(passagem.path("passageiros").get(1).path("assentos").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void when_caminho_has_the_wrong_shape_then_the_request_is_malformed() {
        for (List<List<String>> caminho : List.of(
                List.of(List.of("A")),
                List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia")),
                List.of(List.<String>of(), List.of("Cuiabá")),
                List.of(List.of(" "), List.of("Cuiabá", "Goiânia")))) {
            assertThatThrownBy(() -> ApiMapper.order(new PedidoCompra("52998224725", caminho, null)))
                    .as("%s", caminho).isInstanceOf(MalformedRequest.class).hasMessageContaining("caminho");
        }
        assertThatThrownBy(() -> ApiMapper.order(new PedidoCompra("52998224725", null, null)))
                .isInstanceOf(MalformedRequest.class).hasMessage("Falta o campo 'caminho'");
    }

    @Test
    void when_health_counts_conflicting_decisions_then_saude_reports_them_as_decisoes_conflitantes() throws Exception {
        Health health = new Health("A", Map.of("B", true), 0, 0, 5, 2);

        JsonNode saude = Json.mapper().valueToTree(ApiMapper.saude(health));

        assertThat(saude.path("decisoes_conflitantes").asLong(-1)).as("%s", saude).isEqualTo(2);
    }
}
