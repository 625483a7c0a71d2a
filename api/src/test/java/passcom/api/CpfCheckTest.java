package passcom.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpfCheckTest {

    @Test
    void when_check_digits_match_then_the_cpf_is_valid_with_or_without_mask() {
        assertThat(CpfCheck.isValid("529.982.247-25")).isTrue();
        assertThat(CpfCheck.isValid("52998224725")).isTrue();
        assertThat(CpfCheck.isValid("111.444.777-35")).isTrue();
        assertThat(CpfCheck.digits("529.982.247-25")).isEqualTo("52998224725");
    }

    @Test
    void when_a_check_digit_is_wrong_then_the_problem_is_the_check_digits() {
        assertThat(CpfCheck.problem("529.982.247-24")).isEqualTo(CpfCheck.Problem.CHECK_DIGITS);
        assertThat(CpfCheck.problem("529.982.247-15")).isEqualTo(CpfCheck.Problem.CHECK_DIGITS);
    }

    @Test
    void when_all_digits_are_equal_then_it_is_refused_although_the_sums_work() {
        assertThat(CpfCheck.problem("111.111.111-11")).isEqualTo(CpfCheck.Problem.ALL_DIGITS_EQUAL);
    }

    @Test
    void when_the_mask_is_half_filled_then_it_is_incomplete() {
        assertThat(CpfCheck.problem("529.982.___-__")).isEqualTo(CpfCheck.Problem.INCOMPLETE);
        assertThat(CpfCheck.problem(null)).isEqualTo(CpfCheck.Problem.INCOMPLETE);
        assertThat(CpfCheck.digits("529.982.___-__")).isEmpty();
    }

    @Test
    void when_digits_are_formatted_then_the_mask_is_applied() {
        assertThat(CpfCheck.formatted("52998224725")).isEqualTo("529.982.247-25");
    }

    @Test
    void when_every_cpf_is_built_from_nine_digits_then_exactly_the_right_check_digits_pass() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            String base = String.format("%09d", random.nextInt(1_000_000_000));
            long valid = 0;
            for (int check = 0; check < 100; check++) {
                if (CpfCheck.isValid(base + String.format("%02d", check))) {
                    valid++;
                }
            }
            // one pair of check digits per base, unless the base is all one digit
            assertThat(valid).as(base).isEqualTo(base.chars().distinct().count() == 1 ? 0 : 1);
        }
    }
}
