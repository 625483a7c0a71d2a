package passcom.server;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.AirlinePort;
import passcom.core.txn.NodeConfig;

/**
 * {@link AirlineNode#start} (store opened, seats checked, unfinished transactions recovered, background work begun) on
 * a thread of its own, so that the server's other start-up work runs beside it on a second core. {@link #await} hands
 * back the started node, or throws what the start threw, unchanged. One use per start; the thread ends with the start.
 */
final class NodeStart {

    private final CompletableFuture<AirlineNode> started = new CompletableFuture<>();

    private NodeStart() {
    }

    static NodeStart begin(NodeConfig config, Map<String, AirlinePort> peers) {
        NodeStart start = new NodeStart();
        Thread thread = new Thread(() -> {
            try {
                start.started.complete(AirlineNode.start(config, peers));
            } catch (RuntimeException | Error e) {
                start.started.completeExceptionally(e);
            }
        }, "node-start-" + config.airline());
        thread.start();
        return start;
    }

    /** Waits for the start to finish (uninterruptibly: an abandoned start would leave its store open). */
    AirlineNode await() {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
