package passcom.core.txn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves holds whose decision this participant has not heard: asks the coordinator
 * ({@link AirlinePort#decision}) and applies the answer. {@code Pending} or no answer keeps the hold:
 * it is never dropped while its transaction might commit. One thread finds and claims the due holds (one
 * write per pass); the queries are asynchronous; the answers are applied by a few threads at once, so that
 * their writes share fsyncs (SQLite's group commit, PostgreSQL's WAL flush) instead of paying one each in turn.
 */
final class HoldResolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HoldResolver.class);

    private final Participant participant;
    private final Map<String, AirlinePort> ports;
    private final Duration period;
    /** Threads applying decisions: enough for a batch per fsync, few enough to leave the store's writer its queue. */
    private static final int APPLIERS = 4;

    private final BackgroundThread thread;
    private final ExecutorService appliers;

    HoldResolver(Participant participant, Map<String, AirlinePort> ports, Duration period, String airline) {
        this.participant = participant;
        this.ports = ports;
        this.period = period;
        this.thread = new BackgroundThread("hold-resolver-" + airline);
        AtomicInteger count = new AtomicInteger();
        this.appliers = Executors.newFixedThreadPool(APPLIERS, r -> {
            Thread applier = new Thread(r, "hold-resolver-" + airline + "-apply-" + count.incrementAndGet());
            applier.setDaemon(true);
            return applier;
        });
    }

    void start() {
        thread.every(period.toMillis(), period.toMillis(), this::resolveDue);
    }

    /**
     * {@code coordinator} answers again after {@code downFor} unreachable: the holds it asked for before then are
     * asked about now rather than at their next check ({@code staleHold} apart), so a restarted coordinator's
     * participants settle within a pass of its return. Runs on this resolver's thread.
     */
    void peerReturned(String coordinator, Duration downFor) {
        thread.execute(() -> {
            try {
                int due = participant.askNowAfterReturn(coordinator, downFor);
                if (due > 0) {
                    LOG.info("{} answers again: asking it about {} hold(s) now", coordinator, due);
                    resolveDue();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not hasten the holds waiting for {}, they keep their schedule: {}", coordinator, e.toString());
            }
        });
    }

    /**
     * Claims every due hold in one short local transaction (a row another writer has locked is skipped, not
     * waited for), then asks each one's coordinator; one bad row or one slow coordinator holds up nothing else.
     */
    private void resolveDue() {
        List<ParticipantLog.StaleHold> claimed;
        try {
            List<ParticipantLog.StaleHold> askable = new ArrayList<>();
            for (ParticipantLog.StaleHold hold : participant.dueForDecisionQuery(100)) {
                if (ports.containsKey(hold.coordinator())) {
                    askable.add(hold);
                } else {
                    LOG.warn("txn {}: coordinator {} is not in the peer list; keeping the hold", hold.txnId(), hold.coordinator());
                }
            }
            claimed = participant.claim(askable);
        } catch (RuntimeException e) {
            LOG.warn("hold resolver pass failed, will retry: {}", e.toString());
            return;
        }
        for (ParticipantLog.StaleHold hold : claimed) {
            try {
                // Applied on an applier thread, not the HTTP client's: applying a decision writes to the store.
                ports.get(hold.coordinator()).decision(hold.txnId())
                        .whenCompleteAsync((decision, failure) -> apply(hold, decision, failure), appliers);
            } catch (RuntimeException e) {
                LOG.warn("txn {}: could not ask about the hold, will retry: {}", hold.txnId(), e.toString());
            }
        }
    }

    private void apply(ParticipantLog.StaleHold hold, Decision decision, Throwable failure) {
        try {
            if (decision instanceof Decision.Committed committed) {
                participant.commit(committed.commit(), hold.coordinator());
                LOG.info("txn {}: coordinator {} says COMMITTED; hold confirmed", hold.txnId(), hold.coordinator());
            } else if (decision instanceof Decision.Aborted) {
                participant.abort(hold.txnId(), hold.coordinator());
                LOG.info("txn {}: coordinator {} says ABORTED; hold released", hold.txnId(), hold.coordinator());
            }
        } catch (RuntimeException e) {
            LOG.warn("txn {}: could not apply the decision, will ask again: {}", hold.txnId(), e.toString());
        }
    }

    @Override
    public void close() {
        thread.close();
        appliers.shutdownNow();
    }
}
