package passcom.server.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import passcom.api.Json;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.Decision;
import passcom.core.txn.Prepare;
import passcom.core.txn.TxnKind;
import passcom.core.txn.Vote;
import passcom.server.http.MalformedRequest;

class WireMessagesTest {

    private static final Cpf CPF = Cpf.parse("52998224725");
    private static final Booking BOOKING = new Booking("K7P2QX", CPF, List.of(
            new BookedLeg(new Segment("Cuiabá", "Goiânia", 890), "A", 3, Money.of("1023.50"))),
            Instant.parse("2025-03-01T12:00:00.123Z"), "B");

    @Test
    void when_each_core_message_crosses_the_wire_then_it_comes_back_equal() throws Exception {
        Prepare prepare = new Prepare("t1", "B", TxnKind.PURCHASE, CPF, null, List.of(new Segment.Key("Cuiabá", "Goiânia")));
        assertThat(roundTrip(PrepareMessage.of(prepare), PrepareMessage.class).toPrepare()).isEqualTo(prepare);

        Vote held = new Vote.Held(List.of(3), List.of(Money.of("1023.50")));
        Vote refused = new Vote.Refused(passcom.core.txn.AbortReason.SOLD_OUT, "sem assento em Cuiabá → Goiânia (A)");
        assertThat(roundTrip(VoteMessage.of(held), VoteMessage.class).toVote()).isEqualTo(held);
        assertThat(roundTrip(VoteMessage.of(refused), VoteMessage.class).toVote()).isEqualTo(refused);

        Decision committed = Decision.committed("t1", TxnKind.PURCHASE, BOOKING);
        assertThat(roundTrip(DecisionMessage.of(committed), DecisionMessage.class).toDecision()).isEqualTo(committed);
        assertThat(roundTrip(DecisionMessage.of(new Decision.Aborted()), DecisionMessage.class).toDecision()).isEqualTo(new Decision.Aborted());
        assertThat(roundTrip(DecisionMessage.of(new Decision.Pending()), DecisionMessage.class).toDecision()).isEqualTo(new Decision.Pending());

        AirlinePaths paths = new AirlinePaths("A", Money.of("115"), List.of(List.of("Cuiabá", "Goiânia")));
        assertThat(roundTrip(PathsMessage.of(paths), PathsMessage.class).toPaths()).isEqualTo(paths);

        AirlineTickets tickets = new AirlineTickets("A", List.of(BOOKING), Set.of("ZZZ999"), BOOKING.legs());
        assertThat(roundTrip(TicketsMessage.of(tickets), TicketsMessage.class).toTickets()).isEqualTo(tickets);
    }

    @Test
    void when_a_peer_message_lacks_a_field_then_it_is_malformed_not_a_crash() throws Exception {
        PrepareMessage noId = Json.mapper().readValue("{\"coordenador\":\"B\",\"tipo\":\"PURCHASE\",\"cpf\":\"52998224725\",\"trechos\":[]}",
                PrepareMessage.class);

        assertThatThrownBy(noId::toPrepare).isInstanceOf(MalformedRequest.class).hasMessageContaining("id_transacao");
        assertThatThrownBy(() -> new AbortMessage(null).txnId()).isInstanceOf(MalformedRequest.class);
    }

    private static <T> T roundTrip(T message, Class<T> type) throws Exception {
        return Json.mapper().readValue(Json.mapper().writeValueAsBytes(message), type);
    }
}
