package passcom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCheckTest {

    @Test
    void when_the_caminho_has_one_airline_per_leg_then_it_passes() {
        assertThat(OrderCheck.caminhoProblem(List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")))).isNull();
    }

    @Test
    void when_the_caminho_is_misshapen_then_the_problem_shows_the_expected_shape() {
        for (List<List<String>> bad : List.of(
                List.of(List.of("A")),
                List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia")),
                List.of(List.<String>of(), List.of("Cuiabá")),
                List.of(List.of(" "), List.of("Cuiabá", "Goiânia")),
                Arrays.asList(List.of("A"), null))) {
            assertThat(OrderCheck.caminhoProblem(bad)).as("%s", bad).contains("[[companhia de cada trecho], [cidades]]");
        }
        assertThat(OrderCheck.caminhoProblem(null)).isNotNull();
    }

    @Test
    void when_the_caminho_passes_a_city_twice_then_it_says_so() {
        assertThat(OrderCheck.caminhoProblem(List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Cuiabá"))))
                .isEqualTo("o caminho passa duas vezes pela mesma cidade");
    }

    @Test
    void when_an_id_pedido_is_longer_than_100_characters_then_it_is_refused_and_100_pass() {
        assertThat(OrderCheck.requestIdProblem("x".repeat(100))).isNull();
        assertThat(OrderCheck.requestIdProblem(null)).isNull();
        assertThat(OrderCheck.requestIdProblem("x".repeat(101))).contains("100 caracteres");
    }

    @Test
    void when_an_order_has_no_passenger_or_more_than_nine_then_it_is_refused() {
        assertThat(OrderCheck.passengerCountProblem(0)).contains("pelo menos um");
        assertThat(OrderCheck.passengerCountProblem(9)).isNull();
        assertThat(OrderCheck.passengerCountProblem(10)).contains("no máximo 9");
    }
}
