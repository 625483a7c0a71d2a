package passcom.core.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import passcom.core.availability.FeedConnection;
import passcom.core.availability.FeedPump;
import passcom.core.availability.FeedSink;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.seat.SeatMap;

/**
 * This process's own airline, reached without the network: the coordinator treats itself as one more
 * participant, through the same port and the same messages. Calls run on {@code executor}, never on the
 * caller's thread, so they are asynchronous like a peer's and the caller's timeouts apply to them too
 * (a decision delivery to this airline cannot block the delivery thread).
 */
public final class LocalAirlinePort implements AirlinePort {

    private final AirlineNode node;
    private final Executor executor;
    private final java.time.Duration timeout;
    private final String sender;

    /**
     * Every call fails with {@link AirlineUnreachable} if it has not finished within {@code timeout}. Phase-two
     * messages arrive as sent by {@code sender}: the node's own airline for its coordinator's port (where a
     * signed call would carry the signer).
     */
    public LocalAirlinePort(AirlineNode node, Executor executor, java.time.Duration timeout, String sender) {
        this.node = node;
        this.executor = executor;
        this.timeout = timeout;
        this.sender = sender;
    }

    @Override
    public String airline() {
        return node.airline();
    }

    /**
     * On the caller's thread: the answer comes from memory ({@code LocalPathsCache}), at most with a short
     * store read, so a hand-off to the executor would cost more than the work (issue 8's profile).
     */
    @Override
    public CompletableFuture<AirlinePaths> paths(String origin, String destination) {
        try {
            return CompletableFuture.completedFuture(node.localPaths(origin, destination));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** On a thread of its own per subscriber ({@link FeedPump}). */
    @Override
    public FeedConnection availability(FeedSink sink) {
        return FeedPump.start(node.availabilityFeed().subscribe(), sink);
    }

    @Override
    public CompletableFuture<Vote> prepare(Prepare prepare) {
        return call(() -> node.participant().prepare(prepare));
    }

    @Override
    public CompletableFuture<Void> commit(Commit commit) {
        return call(() -> {
            node.participant().commit(commit, sender);
            return null;
        });
    }

    /** In one call and one local transaction ({@link Participant#commitAll}), as a peer applies a batch. */
    @Override
    public List<CompletableFuture<Void>> commitAll(List<Commit> commits) {
        if (commits.size() == 1) {
            return List.of(commit(commits.get(0)));
        }
        CompletableFuture<List<RuntimeException>> refusals = call(() -> node.participant().commitAll(commits, sender));
        List<CompletableFuture<Void>> answers = new ArrayList<>(commits.size());
        for (int i = 0; i < commits.size(); i++) {
            int index = i;
            answers.add(refusals.thenApply(all -> {
                if (all.get(index) != null) {
                    throw all.get(index);
                }
                return null;
            }));
        }
        return answers;
    }

    @Override
    public CompletableFuture<Void> abort(TxnId txnId) {
        return call(() -> {
            node.participant().abort(txnId, sender);
            return null;
        });
    }

    @Override
    public CompletableFuture<Decision> decision(TxnId txnId) {
        return call(() -> node.decision(txnId));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<AirlineTickets> tickets(Cpf cpf) {
        return call(() -> node.localTickets(cpf));
    }

    @Override
    public CompletableFuture<SeatMap> seatMap(Segment.Key segment) {
        return call(() -> node.localSeatMap(segment));
    }

    private <T> CompletableFuture<T> call(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor)
                    .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                            failure instanceof java.util.concurrent.TimeoutException
                                    ? new AirlineUnreachable(node.airline(), "sem resposta em " + timeout.toMillis() + " ms")
                                    : failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                            ? failure.getCause() : failure));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new AirlineUnreachable(node.airline(), "encerrando"));
        }
    }
}
