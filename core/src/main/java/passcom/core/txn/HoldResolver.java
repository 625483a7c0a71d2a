package passcom.core.txn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves holds whose decision this participant has not heard: asks the coordinator
 * ({@link AirlinePort#decision}) and applies the answer. {@code Pending} or no answer keeps the hold:
 * it is never dropped while its transaction might commit. One thread; queries are asynchronous.
 */
final class HoldResolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HoldResolver.class);

    private final Participant participant;
    private final Map<String, AirlinePort> ports;
    private final Duration period;
    private final BackgroundThread thread;

    HoldResolver(Participant participant, Map<String, AirlinePort> ports, Duration period, String airline) {
        this.participant = participant;
        this.ports = ports;
        this.period = period;
        this.thread = new BackgroundThread("hold-resolver-" + airline);
    }

    void start() {
        thread.every(period.toMillis(), period.toMillis(), this::resolveDue);
    }

    /**
     * One row at a time: each due hold is claimed in its own short local transaction (skipped if another
     * writer has it locked), so one bad row or one slow coordinator holds up nothing else.
     */
    private void resolveDue() {
        List<Participant.StaleHold> due;
        try {
            due = participant.dueForDecisionQuery(100);
        } catch (RuntimeException e) {
            LOG.warn("hold resolver pass failed, will retry: {}", e.toString());
            return;
        }
        for (Participant.StaleHold hold : due) {
            try {
                AirlinePort coordinator = ports.get(hold.coordinator());
                if (coordinator == null) {
                    LOG.warn("txn {}: coordinator {} is not in the peer list; keeping the hold", hold.txnId(), hold.coordinator());
                    continue;
                }
                if (!participant.claim(hold)) {
                    continue;
                }
                // Applied on this thread, not the HTTP client's: applying a decision writes to the store.
                coordinator.decision(hold.txnId()).whenCompleteAsync((decision, failure) -> apply(hold, decision, failure), thread);
            } catch (RuntimeException e) {
                LOG.warn("txn {}: could not ask about the hold, will retry: {}", hold.txnId(), e.toString());
            }
        }
    }

    private void apply(Participant.StaleHold hold, Decision decision, Throwable failure) {
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
    }
}
