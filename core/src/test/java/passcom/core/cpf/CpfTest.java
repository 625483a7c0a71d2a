package passcom.core.cpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
