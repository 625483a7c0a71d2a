package passcom.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import passcom.client.fake.FakeAirlineServer;

class HealthMonitorTest {

    /**
     * Short enough that a test of a timeout stays quick (a 5 s stall outlasts them), long enough that a fake
     * server on a loaded machine still answers in time (500 ms was missed at load average 60).
     */
    private static final PasscomClient.Timeouts SHORT =
            new PasscomClient.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));

    @Test
    void when_the_connected_server_stops_answering_then_the_monitor_moves_the_client_to_one_that_answers() throws Exception {
        ServerEndpoint down = FakeAirlineServer.closedEndpoint("A");
        try (FakeAirlineServer b = FakeAirlineServer.start("B")) {
            PasscomClient client = new PasscomClient(List.of(down, b.endpoint()), SHORT);
            List<Failover> heard = new ArrayList<>();
            client.addFailoverListener(heard::add);
            try (HealthMonitor monitor = new HealthMonitor(client)) {

                Map<ServerEndpoint, ServerStatus> statuses = monitor.pollOnce();

                assertThat(statuses).containsEntry(down, ServerStatus.DOWN).containsEntry(b.endpoint(), ServerStatus.UP);
                assertThat(statuses.keySet()).containsExactly(down, b.endpoint());
                assertThat(client.connected()).isEqualTo(b.endpoint());
                assertThat(heard).containsExactly(new Failover(down, b.endpoint()));
            }
        }
    }

    @Test
    void when_every_server_answers_then_the_client_stays_where_it_is() throws Exception {
        try (FakeAirlineServer a = FakeAirlineServer.start("A"); FakeAirlineServer b = FakeAirlineServer.start("B")) {
            PasscomClient client = new PasscomClient(List.of(a.endpoint(), b.endpoint()), SHORT);
            client.connectTo(b.endpoint());
            try (HealthMonitor monitor = new HealthMonitor(client)) {

                assertThat(monitor.pollOnce().values()).containsOnly(ServerStatus.UP);
                assertThat(client.connected()).isEqualTo(b.endpoint());
            }
        }
    }
}
