package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import passcom.core.InvalidRequest;

/** What a peer may name a transaction: only ids a decision query can carry back in a query string. */
class TxnIdTest {

    @Test
    void when_a_coordinator_names_an_attempt_then_the_id_is_new_each_time_and_valid() {
        TxnId first = TxnId.random();
        TxnId second = TxnId.random();

        assertThat(first).isNotEqualTo(second);
        assertThat(new TxnId(first.value())).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-starts-with-a-dash", "has space", "a&b=c", "çedilha", "0123456789012345678901234567890123456789012345678901234567890123x"})
    void when_a_peer_sends_an_id_a_query_string_cannot_carry_then_it_is_refused_naming_the_field(String wire) {
        assertThatThrownBy(() -> new TxnId(wire)).isInstanceOf(InvalidRequest.class).hasMessageContaining("id_transacao");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1", "fz-123", "8f4913a7-8ddc-4170-aed4-b41ba92a7749", "a.b_c-d"})
    void when_a_peer_sends_an_older_style_id_then_it_is_accepted(String wire) {
        assertThat(new TxnId(wire).value()).isEqualTo(wire);
    }

    @Test
    void any_id_is_accepted_exactly_when_it_is_one_to_sixty_four_letters_digits_dots_underscores_or_dashes_not_led_by_a_sign() {
        Pattern rule = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        String alphabet = "aZ09._- &ç";
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder wire = new StringBuilder();
            for (int n = random.nextInt(i % 100 == 0 ? 70 : 6); n > 0; n--) {
                wire.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String id = wire.toString();
            boolean accepted;
            try {
                new TxnId(id);
                accepted = true;
            } catch (InvalidRequest refused) {
                accepted = false;
            }
            assertThat(accepted).as(id).isEqualTo(rule.matcher(id).matches());
        }
    }
}
