package passcom.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void when_A_flies_890_km_at_115_per_100_km_then_the_leg_costs_1023_50() {
        assertThat(Money.of("115").forDistance(890)).isEqualTo(Money.of("1023.50"));
        assertThat(Money.of("115").forDistance(890).toString()).isEqualTo("1023.50");
    }

    @Test
    void when_the_price_falls_on_half_a_cent_then_it_rounds_up() {
        // 2.50 × 1 / 100 = 0.025: half-up gives 0.03 where banker's rounding would give 0.02
        assertThat(Money.of("2.50").forDistance(1)).isEqualTo(Money.of("0.03"));
        assertThat(Money.of("1.50").forDistance(1)).isEqualTo(Money.of("0.02"));
        // 1.15 × 1 / 100 = 0.0115: below half a cent, rounds down
        assertThat(Money.of("1.15").forDistance(1)).isEqualTo(Money.of("0.01"));
    }

    @Test
    void when_an_amount_is_made_then_it_has_two_decimals() {
        assertThat(Money.of("115").toBigDecimal().scale()).isEqualTo(2);
        assertThat(Money.of("115.5").toString()).isEqualTo("115.50");
        assertThat(Money.ofCents(102350)).isEqualTo(Money.of("1023.50"));
        assertThat(Money.of("1023.50").cents()).isEqualTo(102350);
        assertThat(Money.ZERO.toString()).isEqualTo("0.00");
    }

    @Test
    void when_an_amount_has_more_than_two_decimals_then_it_is_rejected_not_rounded() {
        assertThatThrownBy(() -> Money.of("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_legs_are_summed_then_the_total_is_exact() {
        Money total = Money.of("805.00").plus(Money.of("1350.00")).plus(Money.of("345.00")).plus(Money.of("529.00"));

        assertThat(total).isEqualTo(Money.of("3029.00"));
        assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
    }

    @Test
    void when_amounts_are_compared_then_scale_does_not_matter() {
        assertThat(Money.of("1.5")).isEqualByComparingTo(Money.of("1.50"));
        assertThat(Money.of("1.49")).isLessThan(Money.of("1.5"));
    }
}
