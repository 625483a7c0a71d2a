package passcom.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReaisTest {

    @Test
    void when_a_price_is_formatted_then_it_reads_as_brazilian_reais() {
        assertThat(Reais.format(new BigDecimal("1023.5"))).isEqualTo("R$\u00a01.023,50");
        assertThat(Reais.format(new BigDecimal("7"))).isEqualTo("R$\u00a07,00");
        assertThat(Reais.format(new BigDecimal("1234567.89"))).isEqualTo("R$\u00a01.234.567,89");
    }

    @Test
    void when_a_distance_is_formatted_then_thousands_use_a_dot() {
        assertThat(Reais.km(1780)).isEqualTo("1.780\u00a0km");
        assertThat(Reais.km(440)).isEqualTo("440\u00a0km");
    }

    @Test
    void when_the_interface_is_english_then_the_digits_are_grouped_the_english_way_but_the_currency_stays_reais() {
        Messages.use(java.util.Locale.ENGLISH);
        try {
            assertThat(Reais.format(new BigDecimal("3309"))).isEqualTo("R$3,309.00");
            assertThat(Reais.km(2460)).isEqualTo("2,460\u00a0km");
        } finally {
            Messages.use(Messages.PORTUGUESE);
        }
    }
}
