package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static passcom.it.Buyers.count;
import static passcom.it.Buyers.cpf;
import static passcom.it.Buyers.race;
import static passcom.it.Buyers.summary;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.api.Erro;
import passcom.core.seat.SeatInventory;

/**
 * Buyers who choose their seat, racing over real HTTP through several servers: a chosen seat is sold once,
 * the loser hears which seat of which leg was taken and buys nothing, and buyers who choose none still get
 * the lowest free seats. After each test every hold is decided and the seat invariants hold (ClusterScenario).
 */
class SeatChoiceRaceIT extends ClusterScenario {

    private static final List<String> SERVERS = List.of("A", "B", "C");
    private static final List<String> TRIP = List.of("São Paulo", "Curitiba", "Florianópolis");

    @Test
    void when_twelve_buyers_on_three_servers_choose_the_same_seat_then_exactly_one_gets_it_and_the_others_hear_which_seat() throws Exception {
        start(Networks.withSeats(Networks.defaultNetwork(), "B", "Curitiba", "Florianópolis", 6), "A", "B", "C");

        List<Http.Reply> replies = race(12, i -> Families.buy(cluster.uri(SERVERS.get(i % 3)),
                List.of(Families.passenger(cpf(i), null, 4)), List.of("A", "B"), TRIP));

        assertThat(count(replies, 200)).as(() -> summary(replies)).isEqualTo(1);
        assertThat(count(replies, 409)).as(() -> summary(replies)).isEqualTo(11);
        Http.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(Families.seats(winner, 1)).containsExactly(4);
        assertThat(replies).filteredOn(r -> r.status() == 409).allSatisfy(loser -> {
            assertThat(loser.json().path("resultado").asText()).isEqualTo(Erro.ASSENTO_INDISPONIVEL);
            assertThat(loser.erro()).contains("assento 4").contains("Curitiba → Florianópolis").contains("Nada foi comprado");
            assertThat(loser.json().path("assento_ocupado").path("companhia").asText()).isEqualTo("B");
            assertThat(loser.json().path("assento_ocupado").path("origem").asText()).isEqualTo("Curitiba");
            assertThat(loser.json().path("assento_ocupado").path("destino").asText()).isEqualTo("Florianópolis");
            assertThat(loser.json().path("assento_ocupado").path("assento").asInt()).isEqualTo(4);
        });
        cluster.awaitQuiet();
        assertThat(cluster.count("B", "Curitiba", "Florianópolis")).isEqualTo(new SeatInventory.Count(5, 0, 1));
        assertThat(cluster.count("A", "São Paulo", "Curitiba")).as("the losers' first legs were given back")
                .isEqualTo(new SeatInventory.Count(2, 0, 1));
        Http.Reply map = Http.get(cluster.uri("C"), "/assentos_cliente", "origem", "Curitiba", "destino", "Florianópolis", "companhia", "B");
        assertThat(map.json().path("assentos").get(3).path("livre").asBoolean()).isFalse();
        assertThat(map.json().path("livres").asInt()).isEqualTo(5);
    }

    @Test
    void when_choosers_and_non_choosers_mix_on_one_leg_then_no_seat_is_sold_twice_and_every_seat_is_sold_once() throws Exception {
        int capacity = 20;
        start(Networks.withSeats(Networks.defaultNetwork(), "C", "São Paulo", "Curitiba", capacity), "A", "B", "C");
        // Buyers 0..9 choose the even seats 2..20; buyers 10..29 choose none.
        List<Http.Reply> replies = race(30, i -> Families.buy(cluster.uri(SERVERS.get(i % 3)),
                List.of(i < 10 ? Families.passenger(cpf(i), 2 * (i + 1)) : Families.passenger(cpf(i))),
                List.of("C"), List.of("São Paulo", "Curitiba")));

        assertThat(count(replies, 200)).as(() -> summary(replies)).isEqualTo(capacity);
        assertThat(count(replies, 409)).as(() -> summary(replies)).isEqualTo(30 - capacity);
        List<Integer> sold = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Http.Reply reply = replies.get(i);
            if (reply.status() == 200) {
                int seat = Families.seats(reply, 0).get(0);
                sold.add(seat);
                if (i < 10) {
                    assertThat(seat).as("buyer %d chose seat %d", i, 2 * (i + 1)).isEqualTo(2 * (i + 1));
                }
            } else if (i < 10) {
                assertThat(reply.json().path("assento_ocupado").path("assento").asInt()).as("a chooser loses only its own seat")
                        .isEqualTo(2 * (i + 1));
            } else {
                assertThat(reply.json().path("resultado").asText()).isEqualTo(Erro.CAMINHO_INDISPONIVEL);
            }
        }
        assertThat(sold).as("no seat twice").doesNotHaveDuplicates().hasSize(capacity).allSatisfy(s -> assertThat(s).isBetween(1, capacity));
        cluster.awaitQuiet();
        assertThat(cluster.count("C", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(0, 0, capacity));
    }

    @Test
    void when_a_buyer_chooses_a_seat_number_the_leg_does_not_have_then_400_and_nothing_is_held() {
        start("A", "B", "C");

        Http.Reply reply = Families.buy(cluster.uri("A"), List.of(Families.passenger(cpf(1), 1, 4)), List.of("A", "B"), TRIP);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.erro()).contains("assento 4").contains("Curitiba → Florianópolis").contains("1 a 3");
        assertThat(cluster.count("A", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
    }
}
