package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.txn.NodeInspection;

/** Bad input on every client endpoint: a 4xx whose body says what is wrong, and nothing changes. */
class BadInputIT {

    private static final String CPF = "52998224725";
    @TempDir
    static Path dir;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.start(Networks.defaultNetwork(), dir, "A", "B", "C");
    }

    @AfterAll
    static void stop() {
        cluster.awaitQuiet();
        cluster.assertInvariants();
        assertThat(NodeInspection.of(cluster.server("A").node()).soldSeats()).as("no bad request sold anything").isEmpty();
        assertThat(NodeInspection.of(cluster.server("B").node()).soldSeats()).isEmpty();
        cluster.close();
    }

    private static void assertRejected(Http.Reply reply, int status, String mentions) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
        assertThat(reply.erro()).as("error body names the problem").containsIgnoringCase(mentions);
        assertThat(reply.json().toString()).doesNotContain("Exception").doesNotContain("\\tat ");
    }

    private static Http.Reply buy(Object body) {
        return Http.post(cluster.uri("A"), "/comprar_cliente", body);
    }

    @Test
    void when_a_route_search_is_wrong_then_400_says_what() {
        assertRejected(Http.get(cluster.uri("A"), "/caminhos_cliente", "origem", "Recife", "destino", "Curitiba"), 400, "Recife");
        assertRejected(Http.get(cluster.uri("A"), "/caminhos_cliente", "origem", "Curitiba", "destino", "Curitiba"), 400, "Curitiba");
        assertThat(Http.get(cluster.uri("A"), "/caminhos_cliente", "origem", "Curitiba").status()).isEqualTo(400);
    }

    @Test
    void when_a_purchase_body_is_malformed_or_incomplete_then_400() {
        assertThat(buy("{\"cpf\": ").status()).isEqualTo(400);
        assertThat(buy("[1,2,3]").status()).isEqualTo(400);
        assertRejected(buy(Map.of("cpf", CPF)), 400, "caminho");
        assertThat(buy(Map.of("caminho", List.of(List.of("A"), List.of("São Paulo", "Curitiba")))).status()).isEqualTo(400);
    }

    @Test
    void when_the_cpf_is_invalid_then_400_names_the_cpf() {
        assertRejected(buy(Buyers.order("529.982.247-26", List.of("A"), List.of("São Paulo", "Curitiba"))), 400, "CPF");
        assertRejected(Http.get(cluster.uri("A"), "/passagens_cliente", "cpf", "123"), 400, "CPF");
        assertRejected(Http.post(cluster.uri("A"), "/cancelar_cliente", Map.of("cpf", "11111111111", "localizador", "ABCDEF")), 400, "CPF");
    }

    @Test
    void when_the_path_is_not_in_the_network_or_not_flown_by_the_airline_then_400() {
        assertRejected(buy(Buyers.order(CPF, List.of("A"), List.of("Cuiabá", "Porto Alegre"))), 400, "Cuiabá → Porto Alegre");
        assertRejected(buy(Buyers.order(CPF, List.of("Z"), List.of("São Paulo", "Curitiba"))), 400, "Z");
        assertRejected(buy(Buyers.order(CPF, List.of("A"), List.of("São Paulo", "Atlantis"))), 400, "Atlantis");
        assertRejected(buy(Buyers.order(CPF, List.of("A", "B"), List.of("São Paulo", "Curitiba"))), 400, "trecho");
    }

    private static final String TRIP = "\"caminho\": [[\"A\", \"B\"], [\"São Paulo\", \"Curitiba\", \"Florianópolis\"]]";

    private static Http.Reply buyFor(String passageiros) {
        return buy("{" + TRIP + ", \"passageiros\": " + passageiros + "}");
    }

    @Test
    void when_the_passengers_have_the_wrong_types_then_400_names_the_field() {
        assertRejected(buyFor("\"Ana\""), 400, "passageiros");
        assertRejected(buyFor("[null]"), 400, "passageiros[0]");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": [\"janela\", 1]}]"), 400, "passageiros[0].assentos[0]");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": [1.5, 1]}]"), 400, "passageiros[0].assentos[0]");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": 1}]"), 400, "passageiros[0].assentos");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"nome\": {\"primeiro\": \"Ana\"}}]"), 400, "passageiros[0].nome");
        assertRejected(buyFor("[{\"cpf\": [\"" + CPF + "\"]}]"), 400, "passageiros[0].cpf");
        assertRejected(buyFor("[{\"nome\": \"Ana\"}]"), 400, "passageiros[0].cpf");
        assertRejected(buyFor("[{\"cpf\": \"529.982.247-26\"}]"), 400, "passageiros[0].cpf");
    }

    @Test
    void when_the_passengers_are_too_many_none_repeated_or_given_twice_then_400_says_so() {
        StringBuilder ten = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ",").append("{\"cpf\": \"").append(Buyers.cpf(i)).append("\"}");
        }
        assertRejected(buyFor(ten.append("]").toString()), 400, "9 passageiros");
        assertRejected(buyFor("[]"), 400, "passageiros");
        assertRejected(buyFor("[{\"cpf\": \"529.982.247-25\"}, {\"cpf\": \"52998224725\"}]"), 400, "529.982.247-25");
        assertRejected(buy("{\"cpf\": \"" + CPF + "\", " + TRIP + ", \"passageiros\": [{\"cpf\": \"" + CPF + "\"}]}"), 400, "não os dois");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"nome\": \"" + "a".repeat(121) + "\"}]"), 400, "nome");
    }

    @Test
    void when_a_chosen_seat_does_not_exist_or_is_chosen_twice_then_400_names_the_seat_and_the_leg() {
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": [4, 1]}]"), 400, "assento 4 não existe em São Paulo → Curitiba");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": [1, 0]}]"), 400, "assento 0");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": [-2, 1]}]"), 400, "-2");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": [1]}]"), 400, "um assento por trecho");
        assertRejected(buyFor("[{\"cpf\": \"" + CPF + "\", \"assentos\": [1, 2]}, {\"cpf\": \"" + Buyers.cpf(1)
                + "\", \"assentos\": [null, 2]}]"), 400, "assento 2 de Curitiba → Florianópolis foi escolhido por dois passageiros");
    }

    @Test
    void when_the_seat_map_or_the_network_is_asked_wrongly_then_4xx_says_what() {
        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "origem", "São Paulo", "destino", "Recife", "companhia", "B"), 400, "Recife");
        assertRejected(Http.get(cluster.uri("A"), "/assentos_cliente", "destino", "Curitiba", "companhia", "B"), 400, "origem");
        assertRejected(Http.post(cluster.uri("A"), "/rede", Map.of()), 405, "GET");
    }

    @Test
    void when_the_body_is_a_megabyte_then_it_is_refused_without_reading_it_all() {
        String huge = "{\"cpf\":\"" + "9".repeat(1 << 20) + "\"}";
        Http.Reply reply = buy(huge);
        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.erro()).isNotBlank();
    }

    @Test
    void when_cancelling_a_booking_that_does_not_exist_then_404() {
        // issue 16: the same words for an unknown localizador and one the CPF may not cancel
        assertRejected(Http.post(cluster.uri("B"), "/cancelar_cliente", Map.of("cpf", CPF, "localizador", "ZZZZZZ")), 404, "Reserva não encontrada");
    }
}
