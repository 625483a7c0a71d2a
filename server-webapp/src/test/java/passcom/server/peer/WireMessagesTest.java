package passcom.server.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import passcom.core.txn.TxnId;
import passcom.api.Json;
import passcom.server.client.ApiMapper;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.Passenger;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.seat.SeatMap;
import passcom.core.seat.SeatOnLeg;
import passcom.core.txn.AbortReason;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.Commit;
import passcom.core.txn.Decision;
import passcom.core.txn.Prepare;
import passcom.core.txn.SeatRequest;
import passcom.core.txn.TxnKind;
import passcom.core.txn.Vote;
import passcom.server.http.MalformedRequest;

class WireMessagesTest {

    private static final Cpf CPF = Cpf.parse("52998224725");
    private static final Booking BOOKING = new Booking("K7P2QX", CPF, List.of(
            new BookedLeg(new Segment("Cuiabá", "Goiânia", 890), "A", 3, Money.of("1023.50"))),
            Instant.parse("2025-03-01T12:00:00.123Z"), "B");

    @Test
    void when_a_family_vote_crosses_the_wire_then_each_leg_keeps_its_passengers_seats_and_price() throws Exception {
        Vote family = new Vote.Held(List.of(new Vote.HeldLeg(List.of(1, 3), Money.of("1023.50")), new Vote.HeldLeg(List.of(2, 1), Money.of("805.00"))));

        VoteMessage wire = VoteMessage.of(family);

        assertThat(wire.assentos()).as("flat on the wire, leg by leg, as older peers read it").containsExactly(1, 3, 2, 1);
        assertThat(roundTrip(wire, VoteMessage.class).toVote()).isEqualTo(family);
    }

    @Test
    void when_a_held_vote_has_seats_that_do_not_divide_among_its_legs_then_it_is_malformed() {
        VoteMessage odd = new VoteMessage(VoteMessage.Kind.RESERVADO, List.of(1, 2, 3), List.of(new java.math.BigDecimal("10"), new java.math.BigDecimal("20")),
                null, null, null);

        assertThatThrownBy(odd::toVote).isInstanceOf(passcom.server.http.MalformedRequest.class).hasMessageContaining("3 assento(s) para 2 trecho(s)");
    }

    @Test
    void when_each_core_message_crosses_the_wire_then_it_comes_back_equal() throws Exception {
        Prepare prepare = new Prepare(new TxnId("t1"), "B", TxnKind.PURCHASE, CPF, null, List.of(new Segment.Key("Cuiabá", "Goiânia")));
        assertThat(roundTrip(PrepareMessage.of(prepare), PrepareMessage.class).toPrepare()).isEqualTo(prepare);

        Vote held = new Vote.Held(List.of(new Vote.HeldLeg(List.of(3), Money.of("1023.50"))));
        Vote refused = new Vote.Refused(passcom.core.txn.AbortReason.SOLD_OUT, "sem assento em Cuiabá → Goiânia (A)");
        assertThat(roundTrip(VoteMessage.of(held), VoteMessage.class).toVote()).isEqualTo(held);
        assertThat(roundTrip(VoteMessage.of(refused), VoteMessage.class).toVote()).isEqualTo(refused);

        Decision committed = Decision.committed(new TxnId("t1"), TxnKind.PURCHASE, BOOKING);
        assertThat(roundTrip(DecisionMessage.of(committed), DecisionMessage.class).toDecision()).isEqualTo(committed);
        assertThat(roundTrip(DecisionMessage.of(new Decision.Aborted()), DecisionMessage.class).toDecision()).isEqualTo(new Decision.Aborted());
        assertThat(roundTrip(DecisionMessage.of(new Decision.Pending()), DecisionMessage.class).toDecision()).isEqualTo(new Decision.Pending());

        AirlinePaths paths = new AirlinePaths("A", Money.of("115"), List.of(List.of("Cuiabá", "Goiânia")));
        assertThat(roundTrip(PathsMessage.of(paths), PathsMessage.class).toPaths()).isEqualTo(paths);

        AirlineTickets tickets = new AirlineTickets("A", List.of(BOOKING), Set.of("ZZZ999"), BOOKING.legs());
        assertThat(roundTrip(TicketsMessage.of(tickets), TicketsMessage.class).toTickets()).isEqualTo(tickets);
    }

    private static final Cpf SECOND = Cpf.parse("11144477735");
    private static final Booking FAMILY = new Booking("F4M1LY", List.of(new Passenger(CPF, "Ana"), new Passenger(SECOND, null)), List.of(
            new BookedLeg(new Segment("Cuiabá", "Goiânia", 890), "A", List.of(3, 1), Money.of("1023.50")),
            new BookedLeg(new Segment("Goiânia", "Belo Horizonte", 890), "B", List.of(2, 5), Money.of("1201.50"))),
            Instant.parse("2025-03-01T12:00:00.123Z"), "C");

    @Test
    void when_a_family_purchase_crosses_the_wire_then_passengers_seats_and_the_taken_seat_come_back_equal() throws Exception {
        Prepare prepare = new Prepare(new TxnId("t2"), "C", TxnKind.PURCHASE, "F4M1LY",
                List.of(new Segment.Key("Cuiabá", "Goiânia"), new Segment.Key("Goiânia", "Belo Horizonte")),
                List.of(new Prepare.Seating(CPF, List.of(new SeatRequest.Chosen(3), SeatRequest.ANY)), new Prepare.Seating(SECOND, List.of())));
        PrepareMessage message = PrepareMessage.of(prepare);
        assertThat(message.cpf()).as("the original field keeps the first passenger").isEqualTo(CPF.digits());
        assertThat(Json.mapper().writeValueAsString(message)).contains("\"assentos\":[3,null]");
        assertThat(roundTrip(message, PrepareMessage.class).toPrepare()).isEqualTo(prepare);

        Vote refused = new Vote.Refused(AbortReason.SEAT_TAKEN, "o assento 3 já foi vendido",
                new SeatOnLeg("A", new Segment.Key("Cuiabá", "Goiânia"), 3));
        assertThat(roundTrip(VoteMessage.of(refused), VoteMessage.class).toVote()).isEqualTo(refused);

        Decision committed = Decision.committed(new TxnId("t2"), TxnKind.PURCHASE, FAMILY);
        assertThat(roundTrip(DecisionMessage.of(committed), DecisionMessage.class).toDecision()).isEqualTo(committed);
        AirlineTickets tickets = new AirlineTickets("B", List.of(FAMILY), Set.of(), List.of());
        assertThat(roundTrip(TicketsMessage.of(tickets), TicketsMessage.class).toTickets()).isEqualTo(tickets);

        SeatMap map = new SeatMap("B", new Segment.Key("Goiânia", "Belo Horizonte"), 6, new java.util.TreeSet<>(List.of(2, 5)));
        assertThat(roundTrip(SeatMapMessage.of(map), SeatMapMessage.class).toSeatMap()).isEqualTo(map);
    }

    @Test
    void when_a_peer_sends_the_original_one_passenger_messages_then_they_read_as_one_passenger() throws Exception {
        PrepareMessage old = Json.mapper().readValue("{\"id_transacao\":\"t3\",\"coordenador\":\"B\",\"tipo\":\"PURCHASE\","
                + "\"cpf\":\"52998224725\",\"localizador\":\"K7P2QX\",\"trechos\":[{\"origem\":\"Cuiabá\",\"destino\":\"Goiânia\"}]}",
                PrepareMessage.class);
        assertThat(old.toPrepare()).isEqualTo(new Prepare(new TxnId("t3"), "B", TxnKind.PURCHASE, CPF, "K7P2QX", List.of(new Segment.Key("Cuiabá", "Goiânia"))));

        String passagem = "{\"localizador\":\"K7P2QX\",\"cpf\":\"529.982.247-25\",\"trechos\":[{\"origem\":\"Cuiabá\",\"destino\":\"Goiânia\","
                + "\"companhia\":\"A\",\"assento\":3,\"distancia_km\":890,\"preco\":1023.50}],\"distancia_km\":890,\"valor\":1023.50,"
                + "\"comprada_em\":\"2025-03-01T12:00:00.123Z\",\"vendida_por\":\"B\"}";
        assertThat(Json.mapper().readValue(passagem, BookingMessage.class).toBooking()).isEqualTo(BOOKING);
    }

    @Test
    void when_a_booking_crosses_the_peer_wire_then_its_json_is_the_passagem_json_older_peers_send_and_read() throws Exception {
        Booking family = new Booking("F4M1LY", List.of(new Passenger(CPF, "Ana"), new Passenger(Cpf.parse("11144477735"), null)),
                List.of(new BookedLeg(new Segment("Cuiabá", "Goiânia", 890), "A", List.of(3, 1), Money.of("1023.50"))),
                Instant.parse("2025-03-01T12:00:00Z"), "B");

        for (Booking booking : List.of(BOOKING, family)) {
            // Before the peer wire had its own record, a commit carried the customer's Passagem: same JSON both ways.
            JsonNode older = Json.mapper().valueToTree(ApiMapper.passagem(booking));
            JsonNode newer = Json.mapper().valueToTree(BookingMessage.of(booking));
            assertThat(newer).isEqualTo(older);
            assertThat(Json.mapper().treeToValue(older, BookingMessage.class).toBooking()).isEqualTo(booking);
            assertThat(roundTrip(CommitMessage.of(new Commit(new TxnId("t9"), TxnKind.PURCHASE, booking)), CommitMessage.class).toCommit().booking())
                    .isEqualTo(booking);
        }
    }

    @Test
    void when_a_peer_message_lacks_a_field_then_it_is_malformed_not_a_crash() throws Exception {
        PrepareMessage noId = Json.mapper().readValue("{\"coordenador\":\"B\",\"tipo\":\"PURCHASE\",\"cpf\":\"52998224725\",\"trechos\":[]}",
                PrepareMessage.class);

        assertThatThrownBy(noId::toPrepare).isInstanceOf(MalformedRequest.class).hasMessageContaining("id_transacao");
        PrepareMessage twice = Json.mapper().readValue("{\"id_transacao\":\"t\",\"coordenador\":\"B\",\"tipo\":\"PURCHASE\","
                + "\"trechos\":[],\"passageiros\":[{\"cpf\":\"52998224725\"},{\"cpf\":\"529.982.247-25\"}]}", PrepareMessage.class);
        assertThatThrownBy(twice::toPrepare).isInstanceOf(MalformedRequest.class).hasMessageContaining("cada CPF uma vez");
        assertThatThrownBy(() -> new AbortMessage(null).txnId()).isInstanceOf(MalformedRequest.class);
    }

    @Test
    void when_a_peer_sends_paths_without_a_price_then_the_error_names_the_field_as_it_is_on_the_wire() throws Exception {
        PathsMessage noPrice = Json.mapper().readValue("{\"companhia\":\"A\",\"caminhos\":[]}", PathsMessage.class);
        String wireName = Json.mapper().valueToTree(PathsMessage.of(new AirlinePaths("A", Money.of("115"), List.of())))
                .propertyStream().map(java.util.Map.Entry::getKey).filter(name -> name.startsWith("preco")).findFirst().orElseThrow();

        assertThatThrownBy(noPrice::toPaths).isInstanceOf(MalformedRequest.class).hasMessageContaining("'" + wireName + "'");
    }

    private static <T> T roundTrip(T message, Class<T> type) throws Exception {
        return Json.mapper().readValue(Json.mapper().writeValueAsBytes(message), type);
    }

    @Test
    void when_a_prepare_names_a_transaction_id_no_decision_query_could_carry_then_it_is_refused_before_anything_is_held() throws Exception {
        // Found by EndpointFuzzIT: a hold whose id the participant cannot ask its coordinator about stays held for good.
        for (String id : List.of("x".repeat(200), "t\u0000", "t 1", "t%2f", "t?x=1", "\ud800", "")) {
            PrepareMessage message = Json.mapper().readValue("{\"id_transacao\":" + Json.mapper().writeValueAsString(id)
                    + ",\"coordenador\":\"B\",\"tipo\":\"PURCHASE\",\"cpf\":\"52998224725\","
                    + "\"trechos\":[{\"origem\":\"Cuiabá\",\"destino\":\"Goiânia\"}]}", PrepareMessage.class);
            // Both are answered 400 with the field's name (ErrorMapper): missing, or not a valid id.
            assertThatThrownBy(message::toPrepare).as("id %s", id).isInstanceOfAny(MalformedRequest.class, passcom.core.InvalidRequest.class)
                    .hasMessageContaining("id_transacao");
            assertThatThrownBy(() -> new AbortMessage(id).txnId()).as("abort of %s", id)
                    .isInstanceOfAny(MalformedRequest.class, passcom.core.InvalidRequest.class).hasMessageContaining("id_transacao");
        }
        PrepareMessage uuid = Json.mapper().readValue("{\"id_transacao\":\"6b900a88-9ad3-425c-809d-0384aa0f5434\",\"coordenador\":\"B\","
                + "\"tipo\":\"PURCHASE\",\"cpf\":\"52998224725\",\"trechos\":[{\"origem\":\"Cuiabá\",\"destino\":\"Goiânia\"}]}",
                PrepareMessage.class);
        assertThat(uuid.toPrepare().txnId()).isEqualTo(new TxnId("6b900a88-9ad3-425c-809d-0384aa0f5434"));
    }
}
