package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static passcom.it.Buyers.count;
import static passcom.it.Buyers.cpf;
import static passcom.it.Buyers.race;
import static passcom.it.Buyers.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import passcom.core.seat.SeatInventory;

/**
 * Several passengers in one purchase, over real HTTP on a three-airline federation: every seat of every
 * passenger on every leg or none, one localizador, found from any passenger's CPF, cancelled all at once, and
 * the same id_pedido never buys twice. After each test every hold is decided and the invariants hold.
 */
class FamilyPurchaseIT extends ClusterScenario {

    private static final List<String> SERVERS = List.of("A", "B", "C");
    private static final List<String> TRIP = List.of("São Paulo", "Curitiba", "Florianópolis");

    @Test
    void when_three_passengers_want_a_leg_with_two_seats_left_then_409_and_nothing_is_held_anywhere() {
        start("A", "B", "C");
        assertThat(Buyers.buy(cluster.uri("A"), cpf(99), List.of("B"), List.of("Curitiba", "Florianópolis")).status()).isEqualTo(200);
        cluster.awaitQuiet();

        Http.Reply reply = Families.buy(cluster.uri("C"), Families.family(1, 3), List.of("A", "B"), TRIP);

        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(409);
        assertThat(reply.json().path("resultado").asText()).isEqualTo("Caminho indisponível");
        assertThat(reply.erro()).contains("Curitiba → Florianópolis").contains("3");
        cluster.awaitQuiet();
        assertThat(cluster.count("A", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(cluster.count("B", "Curitiba", "Florianópolis")).isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertThat(Http.get(cluster.uri("B"), "/passagens_cliente", "cpf", cpf(2)).json().path("passagens")).isEmpty();
    }

    @Test
    void when_a_family_buys_an_interline_trip_then_one_booking_seats_everyone_and_any_passenger_finds_it_on_any_server() {
        start("A", "B", "C");
        List<Map<String, Object>> family = List.of(Families.passenger(cpf(1), 3, null), Families.passenger(cpf(2)), Families.passenger(cpf(3)));
        family.get(1).put("nome", "Bia");

        Http.Reply reply = Families.buy(cluster.uri("C"), family, List.of("A", "B"), TRIP);

        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
        JsonNode passagem = reply.json().path("passagem");
        assertThat(passagem.path("passageiros")).hasSize(3);
        assertThat(passagem.path("passageiros").get(1).path("nome").asText()).isEqualTo("Bia");
        assertThat(Families.seats(reply, 0)).containsExactly(3, 1, 2);
        assertThat(Families.seats(reply, 1)).containsExactly(1, 2, 3);
        assertThat(passagem.path("cpf").asText()).as("the first passenger, as in the original booking").isEqualTo(formatted(cpf(1)));
        assertThat(passagem.path("trechos").get(0).path("assento").asInt()).isEqualTo(3);
        assertThat(passagem.path("valor").decimalValue()).as("three fares")
                .isEqualByComparingTo(passagem.path("trechos").get(0).path("preco").decimalValue()
                        .add(passagem.path("trechos").get(1).path("preco").decimalValue()).multiply(java.math.BigDecimal.valueOf(3)));
        String reference = passagem.path("localizador").asText();
        for (String server : SERVERS) {
            for (int passenger = 1; passenger <= 3; passenger++) {
                JsonNode found = Http.get(cluster.uri(server), "/passagens_cliente", "cpf", cpf(passenger)).json().path("passagens");
                assertThat(found).as("%s, passenger %d", server, passenger).hasSize(1);
                assertThat(found.get(0).path("localizador").asText()).isEqualTo(reference);
                assertThat(found.get(0).path("passageiros")).hasSize(3);
            }
        }
        cluster.awaitQuiet();
        assertThat(cluster.count("A", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(0, 0, 3));
        assertThat(cluster.count("B", "Curitiba", "Florianópolis")).isEqualTo(new SeatInventory.Count(0, 0, 3));
    }

    @Test
    void when_a_family_booking_is_cancelled_by_one_passenger_then_every_seat_of_every_passenger_is_free_again() {
        start("A", "B", "C");
        Http.Reply bought = Families.buy(cluster.uri("A"), Families.family(1, 3), List.of("A", "B"), TRIP);
        assertThat(bought.status()).isEqualTo(200);
        String reference = bought.json().path("passagem").path("localizador").asText();
        cluster.awaitQuiet();

        Http.Reply cancelled = Http.post(cluster.uri("B"), "/cancelar_cliente", Map.of("cpf", cpf(2), "localizador", reference));

        assertThat(cancelled.status()).as(cancelled.json().toString()).isEqualTo(200);
        cluster.awaitQuiet();
        assertThat(cluster.count("A", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(cluster.count("B", "Curitiba", "Florianópolis")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        for (String server : SERVERS) {
            for (int passenger = 1; passenger <= 3; passenger++) {
                assertThat(Http.get(cluster.uri(server), "/passagens_cliente", "cpf", cpf(passenger)).json().path("passagens"))
                        .as("%s, passenger %d", server, passenger).isEmpty();
            }
        }
        assertThat(Families.buy(cluster.uri("C"), Families.family(10, 3), List.of("A", "B"), TRIP).status())
                .as("the freed seats can be sold again").isEqualTo(200);
    }

    @Test
    void when_a_family_sends_the_same_id_pedido_from_four_threads_and_again_later_then_it_buys_once() throws Exception {
        start("A", "B", "C");
        Map<String, Object> body = Families.body(Families.family(1, 3), List.of("A", "B"), TRIP, "familia-silva-1");

        List<Http.Reply> replies = race(4, i -> Http.post(cluster.uri("C"), "/comprar_cliente", body));
        Http.Reply later = Http.post(cluster.uri("C"), "/comprar_cliente", body);

        assertThat(later.status()).isEqualTo(200);
        String reference = later.json().path("passagem").path("localizador").asText();
        assertThat(replies).allSatisfy(r -> {
            if (r.status() == 200) {
                assertThat(r.json().path("passagem").path("localizador").asText()).isEqualTo(reference);
            } else {
                assertThat(r.status()).as(r.json().toString()).isEqualTo(409);
                assertThat(r.json().path("id_pedido").asText()).as("still being decided, not refused").isEqualTo("familia-silva-1");
            }
        });
        assertThat(count(replies, 200)).isPositive();
        cluster.awaitQuiet();
        assertThat(cluster.count("A", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(0, 0, 3));
        assertThat(cluster.count("B", "Curitiba", "Florianópolis")).isEqualTo(new SeatInventory.Count(0, 0, 3));
    }

    /**
     * Families of three and single buyers race through three servers for a 10-seat leg (the other leg has room
     * for all). Seats only ever become sold here, so whoever was told "sold out" must find, at the end, fewer free
     * seats than its party: nobody was refused while there was room for them.
     */
    @Test
    void when_families_and_single_buyers_race_for_the_last_seats_then_each_family_gets_all_its_seats_or_none() throws Exception {
        int capacity = 10;
        var network = Networks.withSeats(Networks.defaultNetwork(), "B", "Curitiba", "Florianópolis", capacity);
        network = Networks.withSeats(network, "A", "São Paulo", "Curitiba", 40);
        start(network, "A", "B", "C");
        int families = 5;
        int singles = 8;

        List<Http.Reply> replies = race(families + singles, i -> Families.buy(cluster.uri(SERVERS.get(i % 3)),
                i < families ? Families.family(100 + 3 * i, 3) : Families.family(200 + i, 1), List.of("A", "B"), TRIP));

        assertThat(replies).as(() -> summary(replies)).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        int seatsSold = 0;
        Set<Integer> seats = new HashSet<>();
        for (Http.Reply reply : replies) {
            if (reply.status() == 200) {
                List<Integer> onLeg = Families.seats(reply, 1);
                seatsSold += onLeg.size();
                onLeg.forEach(seat -> assertThat(seats.add(seat)).as("seat %d sold twice", seat).isTrue());
            }
        }
        cluster.awaitQuiet();
        SeatInventory.Count bottleneck = cluster.count("B", "Curitiba", "Florianópolis");
        assertThat(bottleneck).isEqualTo(new SeatInventory.Count(capacity - seatsSold, 0, seatsSold));
        assertThat(cluster.count("A", "São Paulo", "Curitiba").sold()).as("the other leg sold exactly as many").isEqualTo(seatsSold);
        List<Integer> refusedParties = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).status() == 409) {
                refusedParties.add(i < families ? 3 : 1);
            }
        }
        assertThat(refusedParties).as(() -> "free at the end: " + bottleneck.free() + "; " + summary(replies))
                .allSatisfy(party -> assertThat(bottleneck.free()).isLessThan(party));
    }

    private static String formatted(String cpf) {
        return cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
    }
}
