package passcom.core.txn;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.store.Store;

/**
 * The {@code txn-expiry} timer, every {@link #RENEWAL}: renews this coordinator instance's lease on the
 * transactions it starts (a shared store only: an embedded one has no other instance to tell that this one is
 * alive, and a renewal would cost a write and an fsync every pass), then aborts what no live thread will
 * decide: transactions still STARTED long after the prepare timeout (their request thread was lost), and
 * those of instances whose lease ran out (they died: another instance of the airline finishes their
 * transactions without waiting for them to come back). docs/purchase-protocol.md, "Crash and restart".
 */
final class LeaseTask implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseTask.class);

    /** How long this instance's claim on the transactions it coordinates lasts without renewal. */
    static final Duration LEASE = Duration.ofSeconds(2);
    static final Duration RENEWAL = Duration.ofMillis(400);

    private final String instance;
    private final Store store;
    private final Recovery recovery;
    private final Clock clock;
    private final Duration startedExpiry;
    private final BackgroundThread thread;

    /** {@code instance} is this process's coordinator instance: it owns the transactions it starts while its lease lasts. */
    LeaseTask(String airline, String instance, Store store, Recovery recovery, Clock clock, Duration peerTimeout) {
        this.instance = instance;
        this.store = store;
        this.recovery = recovery;
        this.clock = clock;
        this.startedExpiry = peerTimeout.multipliedBy(2).plusSeconds(5);
        this.thread = new BackgroundThread("txn-expiry-" + airline);
    }

    /** Takes the lease before any transaction of this instance exists, so no other instance takes one for orphaned. */
    void renewLease() {
        long now = clock.millis();
        store.write(c -> {
            CoordinatorLog.renewLease(c, instance, now + LEASE.toMillis());
            CoordinatorLog.dropLeasesBefore(c, now - Duration.ofHours(1).toMillis());
            return null;
        });
    }

    void start() {
        thread.every(RENEWAL.toMillis(), RENEWAL.toMillis(), this::pass);
    }

    private void pass() {
        try {
            if (store.shared()) {
                renewLease();
            }
            long now = clock.millis();
            int expired = recovery.abort(c -> CoordinatorLog.startedBefore(c, now - startedExpiry.toMillis()), AbortReason.EXPIRED);
            int orphaned = store.shared() ? recovery.abort(c -> CoordinatorLog.startedWithoutLease(c, now), AbortReason.EXPIRED) : 0;
            if (expired + orphaned > 0) {
                LOG.warn("aborted {} transaction(s) still undecided {} after they started and {} of instances whose lease ran out",
                        expired, startedExpiry, orphaned);
            }
        } catch (RuntimeException e) {
            LOG.warn("lease/expiry pass failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.close();
    }
}
