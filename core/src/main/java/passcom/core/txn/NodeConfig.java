package passcom.core.txn;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import passcom.core.route.RouteNetwork;

/**
 * What one airline node needs to run.
 *
 * @param jdbcUrl        the node's own store, e.g. {@code jdbc:h2:file:/var/passcom/A/passcom}
 * @param peerTimeout    how long a coordinator waits for a prepare/commit answer
 * @param searchTimeout  how long a route or ticket search waits for each peer (about 2 s)
 * @param staleHold      how long a participant keeps a hold before asking the coordinator for the decision
 * @param retryBackoff   first retry delay of an undelivered decision; doubles up to 32× this
 */
public record NodeConfig(
        String airline,
        RouteNetwork network,
        String jdbcUrl,
        Duration peerTimeout,
        Duration searchTimeout,
        Duration staleHold,
        Duration retryBackoff,
        Clock clock) {

    public NodeConfig {
        Objects.requireNonNull(airline, "airline");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (network.airline(airline).isEmpty()) {
            throw new IllegalArgumentException("airline " + airline + " is not in the network");
        }
    }

    public static NodeConfig defaults(String airline, RouteNetwork network, String jdbcUrl) {
        return new NodeConfig(airline, network, jdbcUrl, Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(200), Clock.systemUTC());
    }
}
