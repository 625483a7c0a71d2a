package passcom.client.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.api.Assento;
import passcom.api.MapaAssentos;
import passcom.api.Passageiro;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.TrechoAssento;
import passcom.api.TrechoRota;

class SeatChoiceTest {

    private static final Rota ROUTE = new Rota(
            List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
            List.of(new TrechoRota("Cuiabá", "Goiânia", "A", 890, new BigDecimal("1023.50")),
                    new TrechoRota("Goiânia", "Belo Horizonte", "B", 890, new BigDecimal("1201.50"))),
            1780, new BigDecimal("2225.00"));

    /** A leg with {@code capacity} seats, those in {@code taken} taken. */
    private static MapaAssentos map(int capacity, Integer... taken) {
        List<Assento> seats = new ArrayList<>();
        for (int seat = 1; seat <= capacity; seat++) {
            seats.add(new Assento(seat, !Arrays.asList(taken).contains(seat)));
        }
        return new MapaAssentos("Cuiabá", "Goiânia", "A", capacity, capacity - taken.length, seats);
    }

    @Test
    void when_nobody_chooses_then_every_passenger_gets_the_lowest_free_seat_on_every_leg() {
        SeatChoice choice = new SeatChoice(2, 3);

        assertThat(choice.seatsOf(0)).containsExactly(null, null);
        assertThat(choice.seatsOf(2)).containsExactly(null, null);
    }

    @Test
    void when_a_free_seat_is_chosen_then_it_is_that_passengers_on_that_leg_only() {
        SeatChoice choice = new SeatChoice(2, 2);
        choice.setMap(0, map(6, 1));

        assertThat(choice.toggle(1, 0, 4)).isTrue();

        assertThat(choice.seatsOf(1)).containsExactly(4, null);
        assertThat(choice.holderOf(0, 4)).isEqualTo(1);
        assertThat(choice.nextUnseated(1, 0)).isEqualTo(0);
    }

    @Test
    void when_a_taken_seat_or_an_unloaded_map_is_clicked_then_nothing_is_chosen() {
        SeatChoice choice = new SeatChoice(2, 1);
        choice.setMap(0, map(6, 1));

        assertThat(choice.toggle(0, 0, 1)).isFalse();
        assertThat(choice.toggle(0, 1, 2)).as("leg 1 has no map yet").isFalse();
        assertThat(choice.seatsOf(0)).containsExactly(null, null);
    }

    @Test
    void when_a_seat_another_passenger_holds_is_chosen_then_it_moves_and_clicking_it_again_gives_it_up() {
        SeatChoice choice = new SeatChoice(1, 2);
        choice.setMap(0, map(6));
        choice.toggle(0, 0, 3);

        choice.toggle(1, 0, 3);
        assertThat(choice.seatsOf(0)).containsExactly((Integer) null);
        assertThat(choice.seatsOf(1)).containsExactly(3);

        choice.toggle(1, 0, 3);
        assertThat(choice.seatsOf(1)).containsExactly((Integer) null);
    }

    @Test
    void when_a_fresh_map_shows_a_chosen_seat_taken_then_that_choice_is_dropped_and_the_others_stay() {
        SeatChoice choice = new SeatChoice(1, 2);
        choice.preset(0, 0, 2);
        choice.preset(1, 0, 5);

        choice.setMap(0, map(6, 2));

        assertThat(choice.seatsOf(0)).containsExactly((Integer) null);
        assertThat(choice.seatsOf(1)).containsExactly(5);
    }

    @Test
    void when_the_server_names_a_taken_seat_then_its_leg_is_found_by_cities_and_airline() {
        assertThat(SeatChoice.legOf(ROUTE.trechos(), new TrechoAssento("Goiânia", "Belo Horizonte", "B", 9))).isEqualTo(1);
        assertThat(SeatChoice.legOf(ROUTE.trechos(), new TrechoAssento("Goiânia", "Belo Horizonte", "A", 9))).isEqualTo(-1);
    }

    @Test
    void when_one_passenger_chooses_nothing_then_the_original_one_cpf_body_is_sent_and_otherwise_passengers() {
        PedidoCompra single = PurchaseFlow.order(ROUTE, List.of(new Passageiro("52998224725", null, null)), "p1");
        PedidoCompra seated = PurchaseFlow.order(ROUTE, List.of(new Passageiro("52998224725", null, Arrays.asList(3, null))), "p2");
        PedidoCompra family = PurchaseFlow.order(ROUTE,
                List.of(new Passageiro("52998224725", "Maria", null), new Passageiro("11144477735", null, null)), "p3");

        assertThat(single.cpf()).isEqualTo("52998224725");
        assertThat(single.passageiros()).isNull();
        assertThat(seated.cpf()).isNull();
        assertThat(seated.passageiros()).singleElement().satisfies(p -> assertThat(p.assentos()).containsExactly(3, null));
        assertThat(family.passageiros()).extracting(Passageiro::cpf).containsExactly("52998224725", "11144477735");
        assertThat(family.idPedido()).isEqualTo("p3");
    }
}
