package passcom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.client.api.PasscomClient;
import passcom.client.fake.FakeAirlineServer;

class FederationNetworkTest {

    private static final PasscomClient.Timeouts SHORT =
            new PasscomClient.Timeouts(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ofMillis(500));

    @Test
    void when_the_server_publishes_its_network_then_the_map_is_what_it_says() throws Exception {
        try (FakeAirlineServer a = FakeAirlineServer.start("A")) {
            FederationNetwork network = FederationNetwork.fetch(new PasscomClient(List.of(a.endpoint()), SHORT));

            assertThat(network.published()).isTrue();
            assertThat(network.map().cities()).hasSize(10).containsKey("Cuiabá");
            assertThat(network.from()).isEqualTo(a.endpoint());
        }
    }

    @Test
    void when_the_server_predates_rede_then_the_map_is_empty_and_marked_unpublished_instead_of_failing() throws Exception {
        try (FakeAirlineServer a = FakeAirlineServer.start("A")) {
            a.respond("/rede", 404, "{\"erro\":\"caminho desconhecido: /rede\"}");

            FederationNetwork network = FederationNetwork.fetch(new PasscomClient(List.of(a.endpoint()), SHORT));

            assertThat(network.published()).isFalse();
            assertThat(network.map().isEmpty()).isTrue();
        }
    }
}
