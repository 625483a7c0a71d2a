package passcom.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.client.i18n.Messages;

class StaleNoticeTest {

    @AfterEach
    void portuguese() {
        Messages.use(Messages.PORTUGUESE);
    }

    @Test
    void when_every_image_is_fresh_then_nothing_is_shown() {
        assertThat(SearchPanel.staleNotice(Map.of("A", 3L, "B", 480L, "C", 999L))).isNull();
        assertThat(SearchPanel.staleNotice(null)).isNull();
    }

    @Test
    void when_one_airline_planned_from_an_old_image_then_the_customer_is_told_which_and_how_old() {
        Messages.use(Messages.PORTUGUESE);
        assertThat(SearchPanel.staleNotice(Map.of("A", 3L, "C", 1_400L)))
                .isEqualTo("Disponibilidade da companhia C de 1,4 s atrás: as rotas dela podem estar desatualizadas.");
    }

    @Test
    void when_two_airlines_are_late_then_both_are_named_with_the_oldest_age() {
        Messages.use(java.util.Locale.ENGLISH);
        assertThat(SearchPanel.staleNotice(Map.of("B", 1_100L, "C", 1_900L, "A", 10L)))
                .isEqualTo("Availability of airlines B, C from up to 1.9 s ago: their routes may be out of date.");
    }
}
