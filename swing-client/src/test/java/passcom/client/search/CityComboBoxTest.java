package passcom.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class CityComboBoxTest {

    private final CityComboBox box = new CityComboBox(List.of("Belo Horizonte", "Cuiabá", "Curitiba", "Florianópolis", "São Paulo"));

    @Test
    void when_typing_without_accents_or_case_then_the_accented_city_matches() {
        assertThat(box.matching("sao")).containsExactly("São Paulo");
        assertThat(box.matching("CUI")).containsExactly("Cuiabá");
        assertThat(box.matching("cu")).containsExactly("Cuiabá", "Curitiba");
        assertThat(box.matching("  ")).hasSize(5);
    }

    @Test
    void when_the_text_names_one_city_then_that_is_the_city_chosen() throws Exception {
        // Swing components belong to the event thread, and the box filters there after each edit
        SwingUtilities.invokeAndWait(() -> {
            box.setCity("Curitiba");
            assertThat(box.city()).isEqualTo("Curitiba");

            box.editorField().setText("florian");
            assertThat(box.city()).isEqualTo("Florianópolis");

            box.editorField().setText("cu");
            assertThat(box.city()).isNull();
        });
        SwingUtilities.invokeAndWait(() -> assertThat(box.editorField().getText()).isEqualTo("cu"));
    }

    @Test
    void when_the_theme_changes_then_enter_and_filtering_still_work_in_the_new_editor() throws Exception {
        AtomicInteger enters = new AtomicInteger();
        box.addEnterListener(enters::incrementAndGet);
        JTextField before = box.editorField();

        SwingUtilities.invokeAndWait(box::updateUI);
        SwingUtilities.invokeAndWait(() -> {
            assertThat(box.editorField()).isNotSameAs(before);
            box.editorField().postActionEvent();
            box.editorField().setText("cu");
        });
        SwingUtilities.invokeAndWait(() -> {
            assertThat(enters).hasValue(1);
            assertThat(box.getItemCount()).as("list filtered to Cuiabá and Curitiba").isEqualTo(2);
        });
    }

    @Test
    void when_the_network_arrives_after_a_city_was_typed_then_the_city_stays_chosen_even_across_a_theme_change() throws Exception {
        CityComboBox early = new CityComboBox(List.of());
        SwingUtilities.invokeAndWait(() -> {
            early.editorField().setText("Porto Alegre");
            assertThat(early.city()).as("no list yet: the text itself").isEqualTo("Porto Alegre");

            early.setCities(List.of("Cuiabá", "Porto Alegre", "São Paulo"));
            assertThat(early.city()).isEqualTo("Porto Alegre");
            assertThat(early.getSelectedItem()).isEqualTo("Porto Alegre");

            early.updateUI();
            assertThat(early.editorField().getText()).isEqualTo("Porto Alegre");
        });
    }

    @Test
    void when_typing_part_of_a_name_then_names_starting_with_it_come_before_names_containing_it() {
        CityComboBox box = new CityComboBox(List.of("Belo Horizonte", "Campo Grande", "Rio Grande", "Grajaú"));

        assertThat(box.matching("gra")).containsExactly("Grajaú", "Campo Grande", "Rio Grande");
    }
}
