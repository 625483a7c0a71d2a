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

    @Test
    void when_a_count_is_one_then_the_noun_is_singular_and_otherwise_plural() {
        assertThat(Messages.get("search.selection", 1, "700 km", "R$ 805,00")).isEqualTo("1 trecho · 700 km · R$ 805,00");
        assertThat(Messages.get("search.selection", 4, "2.460 km", "R$ 2.829,00")).isEqualTo("4 trechos · 2.460 km · R$ 2.829,00");
        assertThat(Messages.get("search.unavailable", "B", 1)).startsWith("Sem resposta da companhia B: os trechos dela");
        assertThat(Messages.get("tickets.unavailable", "B, C", 2)).startsWith("Sem resposta das companhias B, C: passagens com trechos delas");

        Messages.use(Locale.ENGLISH);
        assertThat(Messages.get("search.selection", 1, "700 km", "R$ 805.00")).isEqualTo("1 leg · 700 km · R$ 805.00");
        assertThat(Messages.get("search.selection", 2, "1,000 km", "R$ 1.00")).startsWith("2 legs ·");
        assertThat(Messages.get("search.unavailable", "B, C", 2)).startsWith("No answer from airlines B, C:");
    }

    @Test
    void when_any_message_is_formatted_then_no_placeholder_or_parenthesised_plural_is_left() {
        for (Locale locale : new Locale[] {Messages.PORTUGUESE, Locale.ENGLISH}) {
            Messages.use(locale);
            ResourceBundle bundle = ResourceBundle.getBundle("passcom.client.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                assertThat(bundle.getString(key)).as(key).doesNotContain("(s)");
            }
        }
    }
}
