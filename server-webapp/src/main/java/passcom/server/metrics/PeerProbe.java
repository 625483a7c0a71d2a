package passcom.server.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import passcom.core.txn.AirlineNode;

/**
 * Whether each peer airline answers, for {@code passcom_peer_up}: the node pings every peer (as for
 * {@code /saude}, at most ~1.5 s when one is silent) at most once a second, however many gauges read it.
 */
public final class PeerProbe {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final AirlineNode node;
    private final List<String> peers;
    private Map<String, Boolean> last = Map.of();
    private long readAt;

    public PeerProbe(AirlineNode node, List<String> peers) {
        this.node = node;
        this.peers = List.copyOf(peers);
    }

    List<String> peers() {
        return peers;
    }

    synchronized boolean isUp(String peer) {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH_NANOS) {
            last = node.health().peers();
            readAt = System.nanoTime();
        }
        return last.getOrDefault(peer, false);
    }
}
