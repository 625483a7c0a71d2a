package passcom.core.txn;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.store.Store;

/**
 * Aborts the transactions this coordinator left STARTED and no live thread will decide: at start-up, those of
 * the last run (their request threads died; nobody was told "bought"), and, from {@link LeaseTask}, those
 * expired or orphaned by an instance whose lease ran out. Every abort is conditional on STARTED, so a thread
 * that does come back finds its transaction aborted and tells its customer nothing was bought; each writes
 * the ABORT deliveries in the same local transaction (docs/purchase-protocol.md, "Crash and restart").
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final Store store;
    private final DecisionDelivery delivery;
    private final Clock clock;

    Recovery(Store store, DecisionDelivery delivery, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Before serving. An embedded store is this process's alone, so every STARTED transaction is the last run's;
     * a shared store keeps those of other live instances, whose leases still run.
     */
    void atStart() {
        int aborted = store.shared()
                ? abort(c -> CoordinatorLog.startedWithoutLease(c, clock.millis()), AbortReason.RECOVERED)
                : abort(c -> CoordinatorLog.startedBefore(c, Long.MAX_VALUE), AbortReason.RECOVERED);
        if (aborted > 0) {
            LOG.info("recovery: aborted {} transaction(s) left undecided by the last run", aborted);
        }
    }

    /**
     * Aborts the transactions {@code which} finds. They are looked for with a read, so a pass that finds
     * nothing (nearly every pass) takes no turn of the writer; the abort is conditional on STARTED, so a
     * transaction decided between the read and the write is left as it was decided.
     */
    int abort(Store.Work<List<CoordinatorLog.TxnRecord>> which, AbortReason reason) {
        List<CoordinatorLog.TxnRecord> found = store.read(which);
        if (found.isEmpty()) {
            return 0;
        }
        int aborted = store.write(c -> {
            int count = 0;
            for (CoordinatorLog.TxnRecord txn : found) {
                if (CoordinatorLog.decide(c, txn.id(), CoordinatorLog.State.ABORTED, reason, null, txn.participants(), clock.millis())) {
                    count++;
                }
            }
            return count;
        });
        if (aborted > 0) {
            delivery.wakeUp();
        }
        return aborted;
    }
}
