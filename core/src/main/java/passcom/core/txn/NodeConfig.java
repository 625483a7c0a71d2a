package passcom.core.txn;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import passcom.core.booking.ReferenceGenerator;
import passcom.core.route.RouteNetwork;

/**
 * What one airline node needs to run.
 *
 * @param jdbcUrl        the node's own store: {@code jdbc:sqlite:/var/passcom/A/passcom.db}, or a PostgreSQL URL
 *                       that several instances of the airline may share
 * @param peerTimeout    how long a coordinator waits for a prepare/commit answer
 * @param searchTimeout  how long a route or ticket search waits for each peer (about 2 s)
 * @param staleHold      how long a participant keeps a hold before asking the coordinator for the decision
 * @param retryBackoff   first retry delay of an undelivered decision; doubles, up to 1.5 s between tries
 * @param references     draws booking references (tests force it to repeat)
 */
public record NodeConfig(
        String airline,
        RouteNetwork network,
        String jdbcUrl,
        Duration peerTimeout,
        Duration searchTimeout,
        Duration staleHold,
        Duration retryBackoff,
        Clock clock,
        Supplier<String> references) {

    public NodeConfig {
        Objects.requireNonNull(airline, "airline");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(references, "references");
        if (network.airline(airline).isEmpty()) {
            throw new IllegalArgumentException("airline " + airline + " is not in the network");
        }
    }

    public NodeConfig(String airline, RouteNetwork network, String jdbcUrl, Duration peerTimeout, Duration searchTimeout,
                      Duration staleHold, Duration retryBackoff, Clock clock) {
        this(airline, network, jdbcUrl, peerTimeout, searchTimeout, staleHold, retryBackoff, clock, new ReferenceGenerator()::next);
    }

    public NodeConfig withReferences(Supplier<String> newReferences) {
        return new NodeConfig(airline, network, jdbcUrl, peerTimeout, searchTimeout, staleHold, retryBackoff, clock, newReferences);
    }

    public NodeConfig withClock(Clock newClock) {
        return new NodeConfig(airline, network, jdbcUrl, peerTimeout, searchTimeout, staleHold, retryBackoff, newClock, references);
    }

    public static NodeConfig defaults(String airline, RouteNetwork network, String jdbcUrl) {
        return new NodeConfig(airline, network, jdbcUrl, Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(200), Clock.systemUTC());
    }
}
