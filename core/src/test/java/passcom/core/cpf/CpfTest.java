package passcom.core.cpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CpfTest {

    @Test
    void when_a_valid_cpf_has_punctuation_or_not_then_both_parse_to_the_same_digits() {
        assertThat(Cpf.parse("529.982.247-25").digits()).isEqualTo("52998224725");
        assertThat(Cpf.parse("52998224725")).isEqualTo(Cpf.parse("529.982.247-25"));
        assertThat(Cpf.parse(" 52998224725 ").formatted()).isEqualTo("529.982.247-25");
        assertThat(Cpf.isValid("529.982.247-25")).isTrue();
    }

    @Test
    void when_a_check_digit_is_wrong_then_it_is_invalid() {
        assertThatThrownBy(() -> Cpf.parse("529.982.247-26"))
                .isInstanceOf(InvalidCpf.class)
                .hasMessageContaining("dígitos verificadores");
        assertThat(Cpf.isValid("529.982.247-15")).isFalse();
    }

    @Test
    void when_all_digits_are_equal_then_it_is_invalid_even_though_the_check_digits_match() {
        assertThatThrownBy(() -> Cpf.parse("111.111.111-11"))
                .isInstanceOf(InvalidCpf.class)
                .hasMessageContaining("todos os dígitos iguais");
        assertThat(Cpf.isValid("00000000000")).isFalse();
    }

    @Test
    void when_the_length_is_wrong_or_letters_appear_then_it_is_invalid() {
        assertThat(Cpf.isValid("5299822472")).isFalse();
        assertThat(Cpf.isValid("529982247255")).isFalse();
        assertThat(Cpf.isValid("529.982.247-2X")).isFalse();
        assertThat(Cpf.isValid("")).isFalse();
        assertThat(Cpf.isValid(null)).isFalse();
        assertThatThrownBy(() -> Cpf.parse("5299822472")).isInstanceOf(InvalidCpf.class).hasMessageContaining("11 dígitos");
    }

    /** The written form the parser accepts, as a regular expression: the oracle for the parser's own scan. */
    private static final Pattern WRITTEN = Pattern.compile("\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}");

    @Test
    void whatever_is_typed_the_cpf_parses_exactly_when_it_is_eleven_digits_with_the_usual_separators() {
        Random random = new Random(20261206);
        String alphabet = "0123456789.- x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder typed = new StringBuilder("529.982.247-25");
            for (int edits = random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(typed.length() + 1);
                if (random.nextBoolean() && at < typed.length()) {
                    typed.deleteCharAt(at);
                } else {
                    typed.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = typed.toString();
            String stripped = text.strip();
            boolean written = WRITTEN.matcher(stripped).matches();
            String digits = stripped.replaceAll("\\D", "");
            boolean expected = written && passcom.api.CpfCheck.problem(digits) == null;

            assertThat(Cpf.isValid(text)).as(text).isEqualTo(expected);
            if (expected) {
                assertThat(Cpf.parse(text).digits()).as(text).isEqualTo(digits);
            }
        }
    }
}
