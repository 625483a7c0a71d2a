package passcom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @Test
    void when_a_route_is_typed_as_cities_and_airlines_then_it_becomes_the_wire_caminho() throws BadInput {
        assertThat(ComprarCommand.parse("São Paulo, A ,Curitiba,B,Porto Alegre"))
                .isEqualTo(List.of(List.of("A", "B"), List.of("São Paulo", "Curitiba", "Porto Alegre")));
        assertThat(ComprarCommand.parse("[[\"A\"],[\"São Paulo\",\"Curitiba\"]]"))
                .isEqualTo(List.of(List.of("A"), List.of("São Paulo", "Curitiba")));
    }

    @Test
    void when_a_typed_route_is_malformed_then_it_is_bad_input_naming_the_option() {
        for (String bad : List.of("São Paulo", "São Paulo,A", "São Paulo,,Curitiba", "[[\"A\"]]", "[broken",
                "[[\"A\",\"B\"],[\"São Paulo\",\"Curitiba\"]]", "São Paulo,A,Curitiba,B,São Paulo")) {
            assertThatThrownBy(() -> ComprarCommand.parse(bad)).as(bad).isInstanceOf(BadInput.class).hasMessageStartingWith("--caminho");
        }
    }

    @Test
    void when_more_passengers_than_a_purchase_carries_are_given_then_it_is_bad_input_before_anything_is_sent() throws BadInput {
        List<String> ten = java.util.Collections.nCopies(10, "529.982.247-25");

        assertThatThrownBy(() -> ComprarCommand.passengers(ten)).isInstanceOf(BadInput.class).hasMessageContaining("no máximo 9 passageiros");
        assertThat(ComprarCommand.passengers(ten.subList(0, 9))).hasSize(9);
    }

    @Test
    void when_no_state_file_is_named_then_it_lives_in_the_xdg_state_dir_or_under_home() {
        assertThat(LastSearch.file(Map.of("PASSCOM_CLI_STATE", "/tmp/s.json"))).isEqualTo(Path.of("/tmp/s.json"));
        assertThat(LastSearch.file(Map.of("XDG_STATE_HOME", "/x"))).isEqualTo(Path.of("/x/passcom/ultima-consulta.json"));
        assertThat(LastSearch.file(Map.of("HOME", "/home/ana"))).isEqualTo(Path.of("/home/ana/.local/state/passcom/ultima-consulta.json"));
    }

    @Test
    void when_a_search_is_saved_then_route_n_is_the_nth_printed_and_others_are_refused(@TempDir Path dir) throws Exception {
        List<List<String>> first = List.of(List.of("A"), List.of("São Paulo", "Curitiba"));
        List<List<String>> second = List.of(List.of("B"), List.of("São Paulo", "Curitiba"));
        Path file = dir.resolve("deep/state.json");
        new LastSearch("São Paulo", "Curitiba", Instant.now(), List.of(first, second)).save(file);

        LastSearch loaded = LastSearch.load(file);

        assertThat(loaded.route(2)).isEqualTo(second);
        assertThatThrownBy(() -> loaded.route(3)).hasMessageContaining("rotas 1 a 2");
        assertThatThrownBy(() -> LastSearch.load(dir.resolve("none.json"))).hasMessageContaining("rode 'passcom cli rotas' antes");
    }

    @Test
    void when_the_state_file_names_no_file_then_saving_the_search_is_bad_input_naming_the_variable() {
        LastSearch search = new LastSearch("São Paulo", "Curitiba", Instant.now(), List.of());

        assertThatThrownBy(() -> search.save(Path.of("/")))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("PASSCOM_CLI_STATE");
    }
}
