package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SameInputsMemoTest {

    private final SameInputsMemo<String, String> memo = new SameInputsMemo<>(3);
    private final AtomicInteger computed = new AtomicInteger();

    private String merge(List<?> inputs) {
        return memo.get("Cuiabá→Goiânia", inputs, () -> "merge #" + computed.incrementAndGet());
    }

    @Test
    void when_the_inputs_are_the_same_instances_then_the_value_is_reused() {
        Object answerA = new Object();
        Object answerB = new Object();

        String first = merge(List.of(answerA, answerB));
        String again = merge(new ArrayList<>(List.of(answerA, answerB)));

        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void when_an_input_is_equal_but_a_new_instance_then_the_value_is_computed_again() {
        List<String> answer = List.of("Cuiabá", "Goiânia");

        merge(List.of(answer));
        String afterNewAnswer = merge(List.of(new ArrayList<>(answer))); // equal contents: a peer re-asked, new version

        assertThat(afterNewAnswer).isEqualTo("merge #2");
    }

    @Test
    void when_an_airline_drops_out_then_the_value_is_computed_again() {
        Object answerA = new Object();
        Object answerB = new Object();

        merge(List.of(answerA, answerB));
        String withoutB = merge(List.of(answerA));

        assertThat(withoutB).isEqualTo("merge #2");
    }

    @Test
    void when_more_keys_than_the_bound_are_asked_then_old_ones_are_forgotten_and_recomputed() {
        Object input = new Object();
        for (String key : List.of("k1", "k2", "k3", "k4")) {
            memo.get(key, List.of(input), () -> key + " #" + computed.incrementAndGet());
        }

        String k1 = memo.get("k1", List.of(input), () -> "k1 #" + computed.incrementAndGet());

        assertThat(k1).isEqualTo("k1 #5");
    }
}
