package passcom.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerEndpointTest {

    @Test
    void when_the_client_list_is_set_it_wins_else_the_servers_peer_list_else_the_local_federation() {
        Map<String, String> both = Map.of("PASSCOM_SERVERS", "X=http://x:1", "PASSCOM_PEERS", "A=http://a:65433,B=http://b:65434/");

        assertThat(ServerEndpoint.configured(both)).containsExactly(new ServerEndpoint("X", URI.create("http://x:1")));
        assertThat(ServerEndpoint.configured(Map.of("PASSCOM_PEERS", "A=http://a:65433,B=http://b:65434/")))
                .containsExactly(new ServerEndpoint("A", URI.create("http://a:65433")), new ServerEndpoint("B", URI.create("http://b:65434")));
        assertThat(ServerEndpoint.configured(Map.of("PASSCOM_SERVERS", " "))).isEqualTo(ServerEndpoint.defaults());
    }
}
