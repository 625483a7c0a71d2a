package passcom.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.route.RouteNetwork;
import passcom.server.ServerConfig;

/**
 * Base of the in-JVM scenario tests: each test starts its own {@link Cluster}; after it, whatever it did,
 * every hold must be resolved and the seat invariants must hold on every airline.
 */
abstract class ClusterScenario {

    @TempDir
    Path dir;
    Cluster cluster;

    Cluster start(RouteNetwork network, String... airlines) {
        cluster = Cluster.start(network, dir, airlines);
        return cluster;
    }

    Cluster start(RouteNetwork network, ServerConfig.Timing timing, String... airlines) {
        cluster = Cluster.start(network, dir, timing, airlines);
        return cluster;
    }

    Cluster start(String... airlines) {
        return start(Networks.defaultNetwork(), airlines);
    }

    @AfterEach
    void settleAndCheckInvariants() {
        if (cluster != null) {
            try {
                cluster.awaitQuiet();
                cluster.assertInvariants();
            } finally {
                cluster.close();
            }
        }
    }
}
