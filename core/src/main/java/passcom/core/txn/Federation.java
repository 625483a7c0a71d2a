package passcom.core.txn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.InvalidRequest;

/**
 * The airlines this one can reach, itself included (through {@link LocalAirlinePort}), and the fan-out every
 * federated read uses: ask all in parallel, keep the answers that came within the search timeout.
 * Immutable; thread-safe.
 */
final class Federation {

    private static final Logger LOG = LoggerFactory.getLogger(Federation.class);

    private final String self;
    private final Map<String, AirlinePort> ports;
    /** The ids of {@link #ports}, sorted once: every route search walks them. */
    private final List<String> airlines;
    private final Duration searchTimeout;

    Federation(String self, Map<String, AirlinePort> ports, Duration searchTimeout) {
        this.self = self;
        this.ports = Map.copyOf(ports);
        this.airlines = List.copyOf(new TreeSet<>(ports.keySet()));
        this.searchTimeout = searchTimeout;
    }

    String self() {
        return self;
    }

    Map<String, AirlinePort> ports() {
        return ports;
    }

    AirlinePort port(String airline) {
        return ports.get(airline);
    }

    /** This airline and its peers, sorted: a set of the caller's own. */
    Set<String> airlines() {
        return new TreeSet<>(airlines);
    }

    /** This airline and its peers, sorted, unmodifiable: the same list every time (route searches walk it). */
    List<String> sortedAirlines() {
        return airlines;
    }

    /** The airlines missing from {@code answers}, sorted (they are shown to the customer as unavailable). */
    List<String> missingFrom(Map<String, ?> answers) {
        return ports.keySet().stream().filter(a -> !answers.containsKey(a)).sorted().toList();
    }

    /**
     * Asks every airline in parallel; the answers of those that answered within the search timeout. This
     * airline's own refusal of the request itself (an {@link InvalidRequest}) is the customer's error, so it is thrown.
     */
    <T> Map<String, T> gather(Function<AirlinePort, CompletableFuture<T>> ask) {
        return gather(ports.keySet(), ask);
    }

    /** {@link #gather(Function)} of only {@code airlines}. */
    <T> Map<String, T> gather(Set<String> airlines, Function<AirlinePort, CompletableFuture<T>> ask) {
        long timeout = searchTimeout.toMillis();
        Map<String, CompletableFuture<T>> futures = new TreeMap<>();
        ports.forEach((id, port) -> {
            if (airlines.contains(id)) {
                futures.put(id, ask.apply(port).orTimeout(timeout, TimeUnit.MILLISECONDS));
            }
        });
        Map<String, T> answers = new TreeMap<>();
        futures.forEach((id, future) -> {
            try {
                answers.put(id, future.get(timeout + 500, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (e.getCause() instanceof InvalidRequest invalid && id.equals(self)) {
                    throw invalid;
                }
                LOG.debug("{} did not answer: {}", id, e.toString());
            }
        });
        return answers;
    }
}
