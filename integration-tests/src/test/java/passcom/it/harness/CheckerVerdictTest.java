package passcom.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.api.Json;
import passcom.it.harness.History.Op;
import passcom.it.harness.History.Outcome;

/** How the checker reads a purchase's attempts with one id_pedido: bought, not bought, or never told. */
class CheckerVerdictTest {

    @Test
    void when_a_repeat_after_an_unknown_outcome_is_answered_the_recorded_unreachable_abort_then_nothing_was_bought() {
        List<Op> attempts = List.of(
                attempt(Outcome.FAIL, 503, "{\"codigo\":\"INDISPONIVEL_NADA_COMPRADO\",\"erro\":\"A companhia B não respondeu; nada foi comprado.\"}"),
                attempt(Outcome.UNKNOWN, -1, "{}"),
                attempt(Outcome.FAIL, 503, "{\"codigo\":\"INDISPONIVEL_NADA_COMPRADO\",\"erro\":\"A companhia B não respondeu; nada foi comprado.\"}"));

        assertThat(Checker.verdict(attempts)).isEqualTo(Checker.Verdict.NOT_BOUGHT);
    }

    @Test
    void when_a_repeat_after_an_unknown_outcome_gets_a_503_without_the_order_s_code_then_the_outcome_stays_unknown() {
        List<Op> attempts = List.of(
                attempt(Outcome.UNKNOWN, -1, "{}"),
                attempt(Outcome.FAIL, 503, "{\"codigo\":\"SERVICO_INDISPONIVEL\",\"erro\":\"Servidor ocupado\"}"),
                attempt(Outcome.FAIL, -1, "{}"));

        assertThat(Checker.verdict(attempts)).isEqualTo(Checker.Verdict.UNKNOWN);
    }

    @Test
    void when_any_attempt_was_answered_bought_then_bought() {
        List<Op> attempts = List.of(attempt(Outcome.UNKNOWN, -1, "{}"),
                attempt(Outcome.OK, 200, "{\"passagem\":{\"localizador\":\"K7P2QX\"}}"));

        assertThat(Checker.verdict(attempts)).isEqualTo(Checker.Verdict.BOUGHT);
    }

    private static Op attempt(Outcome outcome, int status, String reply) {
        try {
            JsonNode json = Json.mapper().readTree(reply);
            return new Op(1, 1, "buy", "A1", "52998224725", "pedido-1", List.of("A"), List.of("Cuiabá", "Goiânia"), 0, 1, outcome, status, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
