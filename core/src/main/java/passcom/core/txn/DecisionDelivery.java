package passcom.core.txn;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.store.Store;

/**
 * Delivers the coordinator's decisions (the {@code delivery} outbox) until each participant acknowledges:
 * at start-up, whenever {@link #wakeUp()} is called after a decision, and on a timer for retries with
 * exponential backoff. One thread; the sends themselves are asynchronous, and a row in flight is not
 * sent again until its answer arrives.
 *
 * <p>Acknowledged rows are deleted in batches, one local transaction per pass rather than one per
 * acknowledgement: until its row is deleted a delivery stays in flight here, and after a crash it is
 * merely sent again, which every participant answers idempotently. Failed sends are rescheduled the same
 * way, one write per pass: while a peer is down every pass fails up to 200 sends, and one write (one fsync)
 * each held this thread for seconds per pass, delaying the deliveries to the peers that were up. Wake-ups
 * that arrive while a pass is already queued are folded into it.
 */
final class DecisionDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionDelivery.class);
    private static final int MAX_BACKOFF_FACTOR = 32;
    /**
     * However long a peer has been down, a pending decision is retried at least this often, so that once it
     * is back (a restart takes about a second) its holds and this outbox are settled within seconds, not
     * after a backoff grown during the outage.
     */
    static final long MAX_RETRY_DELAY_MILLIS = 1_500;

    private final Store store;
    private final BookingStore bookings;
    private final Map<String, AirlinePort> ports;
    private final Clock clock;
    private final Duration backoff;
    private final BackgroundThread thread;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<CoordinatorLog.Delivery> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Retry> failed = new ConcurrentLinkedQueue<>();

    /** A failed send and when to try it again. */
    private record Retry(CoordinatorLog.Delivery delivery, long nextAttemptMillis) {
    }
    private final AtomicBoolean passQueued = new AtomicBoolean();

    DecisionDelivery(Store store, BookingStore bookings, Map<String, AirlinePort> ports, Clock clock, Duration backoff, String airline) {
        this.store = store;
        this.bookings = bookings;
        this.ports = ports;
        this.clock = clock;
        this.backoff = backoff;
        this.thread = new BackgroundThread("decision-delivery-" + airline);
    }

    void start() {
        thread.every(0, Math.max(50, backoff.toMillis() / 2), this::deliverDue);
    }

    /** A decision was just recorded: deliver now rather than at the next tick. */
    void wakeUp() {
        if (passQueued.compareAndSet(false, true)) {
            thread.execute(this::deliverDue);
        }
    }

    /**
     * {@code airline} answers again (its feed streams): what waits for it is sent now rather than at its next retry,
     * up to {@link #MAX_RETRY_DELAY_MILLIS} away. Failed sends are rescheduled first, so none of them is pushed back
     * after this. Costs one read, and a write only when something waits.
     */
    void peerReturned(String airline) {
        thread.execute(() -> {
            try {
                rescheduleFailed();
                long now = clock.millis();
                if (store.read(c -> CoordinatorLog.waitingFor(c, airline, now))) {
                    int due = store.write(c -> CoordinatorLog.retryNow(c, airline, now));
                    LOG.info("{} answers again: delivering the {} decision(s) waiting for it now", airline, due);
                    deliverDue();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not hasten the deliveries to {}, they keep their schedule: {}", airline, e.toString());
            }
        });
    }

    /** Deliveries not yet acknowledged (health). */
    long pending() {
        return store.read(CoordinatorLog::countPendingDeliveries);
    }

    private void deliverDue() {
        passQueued.set(false);
        try {
            deleteAcknowledged();
            rescheduleFailed();
            List<CoordinatorLog.Delivery> due = store.read(c -> CoordinatorLog.dueDeliveries(c, clock.millis(), 200));
            List<CoordinatorLog.Delivery> sending = new ArrayList<>(due.size());
            for (CoordinatorLog.Delivery delivery : due) {
                if (inFlight.add(key(delivery))) {
                    sending.add(delivery);
                }
            }
            Map<TxnId, Commit> commits = commitsOf(sending);
            Map<String, List<CoordinatorLog.Delivery>> commitsTo = new LinkedHashMap<>();
            for (CoordinatorLog.Delivery delivery : sending) {
                if (delivery.message() == CoordinatorLog.Message.COMMIT && commits.containsKey(delivery.txnId())
                        && ports.containsKey(delivery.airline())) {
                    commitsTo.computeIfAbsent(delivery.airline(), a -> new ArrayList<>()).add(delivery);
                } else {
                    // The answer is handled on this thread, not the HTTP client's: finishing writes to the store.
                    send(delivery, commits).whenCompleteAsync((ok, failure) -> finish(delivery, failure), thread);
                }
            }
            commitsTo.forEach((airline, deliveries) -> sendCommits(ports.get(airline), deliveries, commits));
        } catch (RuntimeException e) {
            LOG.warn("decision delivery pass failed, will retry: {}", e.toString());
        }
    }

    /**
     * The COMMIT messages of a pass's deliveries, read in one snapshot, one per transaction however many of its
     * participants are due (a 3-airline purchase has two). A COMMIT missing here (the read failed, or its
     * transaction or booking is not found) fails to send and is retried like any failed send.
     */
    private Map<TxnId, Commit> commitsOf(List<CoordinatorLog.Delivery> deliveries) {
        if (deliveries.stream().noneMatch(d -> d.message() == CoordinatorLog.Message.COMMIT)) {
            return Map.of();
        }
        try {
            return store.read(c -> {
                Map<TxnId, Commit> commits = new HashMap<>();
                for (CoordinatorLog.Delivery delivery : deliveries) {
                    if (delivery.message() == CoordinatorLog.Message.COMMIT && !commits.containsKey(delivery.txnId())) {
                        Optional<CoordinatorLog.TxnRecord> txn = CoordinatorLog.find(c, delivery.txnId());
                        Optional<Booking> booking = txn.isEmpty() ? Optional.empty() : bookings.find(c, txn.get().reference());
                        if (booking.isPresent()) {
                            commits.put(delivery.txnId(), new Commit(delivery.txnId(), txn.get().kind(), booking.get()));
                        }
                    }
                }
                return commits;
            });
        } catch (RuntimeException e) {
            LOG.warn("decision delivery could not read the COMMITs of a pass, will retry: {}", e.toString());
            return Map.of();
        }
    }

    /**
     * The COMMITs of a pass to one airline, handed to its port at once ({@link AirlinePort#commitAll}: over HTTP,
     * one message and one durable write at the participant for up to a batch of them). Never throws.
     */
    private void sendCommits(AirlinePort port, List<CoordinatorLog.Delivery> deliveries, Map<TxnId, Commit> commits) {
        List<CompletableFuture<Void>> answers;
        try {
            answers = port.commitAll(deliveries.stream().map(d -> commits.get(d.txnId())).toList());
        } catch (RuntimeException e) {
            answers = deliveries.stream().map(d -> CompletableFuture.<Void>failedFuture(e)).toList();
        }
        for (int i = 0; i < deliveries.size(); i++) {
            CoordinatorLog.Delivery delivery = deliveries.get(i);
            answers.get(i).whenCompleteAsync((ok, failure) -> finish(delivery, failure), thread);
        }
    }

    /** Never throws: a failure to even build the message (e.g. a store hiccup) is a failed delivery, retried later. */
    private CompletableFuture<Void> send(CoordinatorLog.Delivery delivery, Map<TxnId, Commit> commits) {
        try {
            return trySend(delivery, commits);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> trySend(CoordinatorLog.Delivery delivery, Map<TxnId, Commit> commits) {
        AirlinePort port = ports.get(delivery.airline());
        if (port == null) {
            return CompletableFuture.failedFuture(new AirlineUnreachable(delivery.airline(), "not in this federation's peer list"));
        }
        if (delivery.message() == CoordinatorLog.Message.ABORT) {
            CrashPoints.reach(CrashPoints.Point.DURING_RELEASE);
            return port.abort(delivery.txnId());
        }
        Commit commit = commits.get(delivery.txnId());
        if (commit == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the COMMIT of " + delivery.txnId() + " could not be read"));
        }
        return port.commit(commit);
    }

    private void finish(CoordinatorLog.Delivery delivery, Throwable failure) {
        if (failure == null) {
            if (delivery.message() == CoordinatorLog.Message.COMMIT) {
                CrashPoints.reach(CrashPoints.Point.MID_CONFIRMS);
            }
            acknowledged.add(delivery);
            wakeUp();
            return;
        }
        long factor = Math.min(MAX_BACKOFF_FACTOR, 1L << Math.min(delivery.attempts(), 5));
        failed.add(new Retry(delivery, clock.millis() + Math.min(MAX_RETRY_DELAY_MILLIS, backoff.toMillis() * factor)));
        if (delivery.attempts() == 0 || delivery.attempts() % 10 == 9) {
            LOG.info("txn {}: {} to {} not delivered (attempt {}), retrying: {}", delivery.txnId(), delivery.message(),
                    delivery.airline(), delivery.attempts() + 1, failure.toString());
        }
    }

    /**
     * Records every failed send's next attempt in one local transaction; they leave the in-flight set only then,
     * so none is sent again before its backoff. If the write fails they stay queued for the next pass.
     */
    private void rescheduleFailed() {
        List<Retry> batch = new ArrayList<>();
        for (Retry r = failed.poll(); r != null; r = failed.poll()) {
            batch.add(r);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.write(c -> {
                for (Retry retry : batch) {
                    CoordinatorLog.retryLater(c, retry.delivery().txnId(), retry.delivery().airline(), retry.nextAttemptMillis());
                }
                return null;
            });
            batch.forEach(r -> inFlight.remove(key(r.delivery())));
        } catch (RuntimeException e) {
            failed.addAll(batch);
            throw e;
        }
    }

    /** Deletes every acknowledged delivery in one local transaction; they leave the in-flight set only then. */
    private void deleteAcknowledged() {
        List<CoordinatorLog.Delivery> batch = new ArrayList<>();
        for (CoordinatorLog.Delivery d = acknowledged.poll(); d != null; d = acknowledged.poll()) {
            batch.add(d);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.write(c -> {
                CoordinatorLog.delivered(c, batch);
                return null;
            });
            batch.forEach(d -> inFlight.remove(key(d)));
        } catch (RuntimeException e) {
            acknowledged.addAll(batch);
            throw e;
        }
    }

    private static String key(CoordinatorLog.Delivery delivery) {
        return delivery.txnId() + "/" + delivery.airline();
    }

    @Override
    public void close() {
        thread.close();
    }
}
