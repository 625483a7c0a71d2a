package passcom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerEndpointTest {

    @Test
    void when_a_server_list_is_parsed_then_order_ids_and_uris_are_kept() {
        assertThat(ServerEndpoint.parseList(" B=http://10.0.0.2:8080/ , A=http://127.0.0.1:65433"))
                .containsExactly(new ServerEndpoint("B", URI.create("http://10.0.0.2:8080")),
                        new ServerEndpoint("A", URI.create("http://127.0.0.1:65433")));
    }

    @Test
    void when_nothing_is_configured_then_a_b_and_c_on_this_machine_are_used() {
        assertThat(ServerEndpoint.defaults()).extracting(ServerEndpoint::id).containsExactly("A", "B", "C");
        assertThat(ServerEndpoint.defaults().get(2).uri()).isEqualTo(URI.create("http://127.0.0.1:65435"));
    }

    @Test
    void when_an_entry_has_no_id_then_the_error_names_it() {
        assertThatThrownBy(() -> ServerEndpoint.parseList("A=http://x:1,http://y:2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'http://y:2'");
    }
}
