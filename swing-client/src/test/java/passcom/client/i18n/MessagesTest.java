package passcom.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @AfterEach
    void backToPortuguese() {
        Messages.use(Messages.PORTUGUESE);
    }

    @Test
    void when_nothing_is_asked_then_portuguese_is_used_even_on_an_english_system() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            Messages.use(Messages.localeFor(null));

            assertThat(Messages.get("tab.tickets")).isEqualTo("Minhas passagens");
            assertThat(Messages.get("search.shortest", 10)).isEqualTo("Mais curtos (10)");
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void when_english_is_asked_then_english_is_used() {
        Messages.use(Messages.localeFor("en"));

        assertThat(Messages.get("tab.tickets")).isEqualTo("My tickets");
    }

    @Test
    void when_the_bundles_are_compared_then_both_languages_have_every_key() {
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle portuguese = ResourceBundle.getBundle("passcom.client.messages", Locale.ROOT, control);
        ResourceBundle english = ResourceBundle.getBundle("passcom.client.messages", Locale.ENGLISH, control);

        assertThat(english.getLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(portuguese.keySet());
    }
}
