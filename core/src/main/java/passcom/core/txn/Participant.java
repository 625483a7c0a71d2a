package passcom.core.txn;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.seat.CancellationMarks;
import passcom.core.seat.SeatInventory;
import passcom.core.store.Store;
import passcom.core.store.StoreFailure;
import passcom.core.time.Sleeper;
import passcom.core.time.Ticker;

/**
 * This airline's side of every transaction that involves its seats (docs/purchase-protocol.md,
 * "Participant"). Each message is one local transaction that records the participation state
 * ({@link ParticipantLog}) together with the seat change ({@link TxnEffects}), and each is idempotent by
 * transaction id. Never calls the network, so a peer handling a message never waits on another peer.
 * Thread-safe: state lives in the store.
 */
public final class Participant {

    private static final Logger LOG = LoggerFactory.getLogger(Participant.class);

    /** How long a prepare may wait for contended seats to be decided; well under any coordinator's timeout. */
    static final Duration CONTENTION_WAIT = Duration.ofMillis(250);
    private static final Duration CONTENTION_POLL = Duration.ofMillis(15);
    /** Prepares that may wait at once: each holds a request thread, and commits must still get through. */
    private final Semaphore waiters = new Semaphore(4);

    private final String airline;
    private final Store store;
    private final AtomicLong conflictingDecisions = new AtomicLong();
    private final SeatInventory seats;
    private final CancellationMarks marks = new CancellationMarks();
    private final PurchaseEffects purchases;
    private final CancellationEffects cancellations;
    private final Clock clock;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Duration staleHold;

    Participant(String airline, Store store, SeatInventory seats, PurchaseEffects purchases, CancellationEffects cancellations,
                Clock clock, Ticker ticker, Sleeper sleeper, Duration staleHold) {
        this.airline = airline;
        this.store = store;
        this.seats = seats;
        this.purchases = purchases;
        this.cancellations = cancellations;
        this.clock = clock;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.staleHold = staleHold;
    }

    /** The effects of a kind of transaction here: the one place the kind is looked at. */
    TxnEffects effectsOf(TxnKind kind) {
        return kind == TxnKind.PURCHASE ? purchases : cancellations;
    }

    /**
     * POST /comprar_servidor: phase one. Returns once the hold (or the refusal) is durable. A duplicate gets the
     * first answer.
     *
     * <p>When a leg's only unsold seats are held by transactions still deciding, a few prepares at a time
     * wait here up to {@link #CONTENTION_WAIT} for those holds to be decided, outside any local transaction,
     * and try again: most such holds become sold within milliseconds, and a definite answer now saves the
     * coordinator a retry that would re-prepare every other airline too. The wait is bounded, so two
     * buyers each holding what the other needs only delay each other; their coordinators then retry.
     */
    public Vote prepare(Prepare prepare) {
        TxnEffects effects = effectsOf(prepare.kind());
        long deadline = ticker.read() + CONTENTION_WAIT.toNanos();
        boolean waiting = false;
        try {
            while (true) {
                boolean mayWait = effects.waitsForContendedSeats() && ticker.read() - deadline < 0
                        && (waiting || (waiting = waiters.tryAcquire()));
                Vote vote = prepareOnce(prepare, effects, mayWait);
                if (vote != null) {
                    return vote;
                }
                pause();
            }
        } finally {
            if (waiting) {
                waiters.release();
            }
        }
    }

    /** One try in one local transaction; null (nothing recorded) when the leg is contended and {@code mayWait}. */
    private Vote prepareOnce(Prepare prepare, TxnEffects effects, boolean mayWait) {
        return store.write(connection -> {
            Optional<ParticipantLog.Recorded> recorded = ParticipantLog.find(connection, prepare.txnId());
            if (recorded.isPresent() && !recorded.get().coordinatedBy(prepare.coordinator())) {
                // Another airline's transaction (or its ABORT, recorded before any prepare): this is not a duplicate
                // of it, so it gets neither its seats nor its decision. Nothing is recorded; the id stays the first's.
                return new Vote.Refused(AbortReason.PRESUMED, "a transação " + prepare.txnId() + " já é coordenada pela companhia '"
                        + recorded.get().coordinator() + "' na companhia " + airline + ", não pela '" + prepare.coordinator() + "'");
            }
            if (recorded.isPresent()) {
                return replay(connection, prepare, effects, recorded.get());
            }
            if (effects.claimsReference() && BookingReferences.inUse(connection, prepare.reference(), prepare.txnId().value())) {
                Vote.Refused refused = new Vote.Refused(AbortReason.REFERENCE_TAKEN,
                        "o localizador " + prepare.reference() + " já está em uso na companhia " + airline);
                record(connection, prepare, refused);
                return refused;
            }
            Vote vote = effects.prepare(connection, prepare);
            if (vote instanceof Vote.Refused refused) {
                if (refused.contended() && mayWait) {
                    return null;
                }
                record(connection, prepare, refused);
            } else {
                record(connection, prepare, null);
            }
            return vote;
        });
    }

    private void record(Connection connection, Prepare prepare, Vote.Refused refused) throws SQLException {
        long now = clock.millis();
        ParticipantLog.recordVote(connection, prepare, refused, now, now + staleHold.toMillis());
    }

    private void pause() {
        try {
            sleeper.sleep(CONTENTION_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for contended seats", e);
        }
    }

    private static Vote replay(Connection connection, Prepare prepare, TxnEffects effects, ParticipantLog.Recorded recorded)
            throws SQLException {
        if (recorded.state() == ParticipantLog.State.ABORTED) {
            return recorded.refusal() == null
                    ? new Vote.Refused(AbortReason.PRESUMED, "transação " + prepare.txnId() + " já foi abortada")
                    : new Vote.Refused(recorded.refusal(), recorded.refusalDetail());
        }
        return effects.replayPrepared(connection, prepare);
    }

    /**
     * POST /confirmar_servidor: phase two COMMIT from {@code sender} (the airline that signed it). Idempotent.
     * @throws NotTheCoordinator {@code sender} is not the coordinator recorded at prepare; nothing changed
     * @throws ConflictingDecision this airline aborted the transaction or never prepared it: the message is
     *                             refused, never acknowledged
     */
    public void commit(Commit commit, String sender) {
        store.write(connection -> {
            applyCommit(connection, commit, sender);
            return null;
        });
    }

    /**
     * Several COMMITs from {@code sender} in one local transaction, so they share one durable write: the answer
     * for each, in order, is null (acknowledged: its commit is durable when this returns) or the refusal
     * {@link #commit} would have thrown ({@link NotTheCoordinator}, {@link ConflictingDecision}), which both happen
     * before the commit writes anything. A store failure is every commit's answer (the coordinator retries them);
     * any other failure belongs to one commit, so each is then applied on its own and that one never holds back
     * the others.
     */
    public List<RuntimeException> commitAll(List<Commit> commits, String sender) {
        try {
            return store.write(connection -> {
                List<RuntimeException> answers = new ArrayList<>(commits.size());
                for (Commit commit : commits) {
                    try {
                        applyCommit(connection, commit, sender);
                        answers.add(null);
                    } catch (NotTheCoordinator | ConflictingDecision refused) {
                        answers.add(refused);
                    }
                }
                return answers;
            });
        } catch (StoreFailure storeFailed) {
            return Collections.nCopies(commits.size(), storeFailed); // not any one commit's doing: all are retried
        } catch (RuntimeException oneCannotBeApplied) {
            List<RuntimeException> answers = new ArrayList<>(commits.size());
            for (Commit commit : commits) {
                try {
                    commit(commit, sender);
                    answers.add(null);
                } catch (RuntimeException e) {
                    answers.add(e);
                }
            }
            return answers;
        }
    }

    /**
     * {@link #commit} on the caller's connection, so that a coordinator that is also a participant sells its
     * own seats in the same local transaction that records its decision (one durable write instead of three).
     */
    void applyCommit(Connection connection, Commit commit, String sender) throws SQLException {
        Optional<ParticipantLog.Recorded> recorded = ParticipantLog.findForUpdate(connection, commit.txnId(), store.dialect());
        recorded.ifPresent(r -> requireCoordinator(r, commit.txnId(), sender));
        if (recorded.isEmpty() || recorded.get().state() == ParticipantLog.State.ABORTED) {
            throw conflict("COMMIT for transaction " + commit.txnId() + ", which airline " + airline
                    + (recorded.isEmpty() ? " never prepared" : " aborted"));
        }
        if (recorded.get().state() == ParticipantLog.State.COMMITTED) {
            return;
        }
        TxnEffects effects = effectsOf(commit.kind());
        effects.commitSeats(connection, commit.txnId());
        effects.recordBooking(connection, commit.booking(), commit.txnId());
        ParticipantLog.move(connection, commit.txnId(), ParticipantLog.State.PREPARED, ParticipantLog.State.COMMITTED);
    }

    /**
     * POST /rollback: phase two ABORT from {@code sender} (the airline that signed it). Idempotent; an unknown
     * transaction is remembered as aborted, with {@code sender} as its coordinator, so a late prepare from it is
     * refused and one from another airline is not taken for a duplicate.
     * @throws NotTheCoordinator {@code sender} is not the coordinator recorded at prepare; nothing changed
     * @throws ConflictingDecision this airline committed the transaction
     */
    public void abort(TxnId txnId, String sender) {
        store.write(connection -> {
            applyAbort(connection, txnId, sender);
            return null;
        });
    }

    /** {@link #abort} on the caller's connection (see {@link #applyCommit}). */
    void applyAbort(Connection connection, TxnId txnId, String sender) throws SQLException {
        Optional<ParticipantLog.Recorded> recorded = ParticipantLog.findForUpdate(connection, txnId, store.dialect());
        recorded.ifPresent(r -> requireCoordinator(r, txnId, sender));
        if (recorded.isEmpty()) {
            ParticipantLog.recordAbortBeforePrepare(connection, txnId, sender, clock.millis());
            return;
        }
        if (recorded.get().state() == ParticipantLog.State.COMMITTED) {
            throw conflict("ABORT for transaction " + txnId + ", which airline " + airline + " committed");
        }
        if (recorded.get().state() == ParticipantLog.State.PREPARED) {
            // The kind is not recorded with the hold: whichever it was, only its own seats are held or marked.
            seats.release(connection, txnId.value());
            marks.clear(connection, txnId.value());
            ParticipantLog.move(connection, txnId, ParticipantLog.State.PREPARED, ParticipantLog.State.ABORTED);
        }
    }

    /**
     * Only the coordinator recorded at prepare (or at an ABORT that came first) decides a participation. Two
     * instances of one airline share its id, so either may deliver; this airline's own coordinator reaches
     * its participant under its own id.
     */
    private static void requireCoordinator(ParticipantLog.Recorded recorded, TxnId txnId, String sender) {
        if (!recorded.coordinatedBy(sender)) {
            LOG.warn("txn {}: phase-two message from {} refused, its coordinator is {}", txnId, sender, recorded.coordinator());
            throw new NotTheCoordinator(txnId, recorded.coordinator(), sender);
        }
    }

    private ConflictingDecision conflict(String message) {
        conflictingDecisions.incrementAndGet();
        LOG.error("conflicting decision refused: {}", message);
        return new ConflictingDecision(message);
    }

    /** Phase-two messages refused since start because they contradicted what this airline recorded (/saude). */
    public long conflictingDecisions() {
        return conflictingDecisions.get();
    }

    /** PREPARED participations due for a decision query, oldest first (a read: claim each with {@link #claim}). */
    List<ParticipantLog.StaleHold> dueForDecisionQuery(int limit) {
        long now = clock.millis();
        return store.read(connection -> ParticipantLog.dueForDecisionQuery(connection, now, limit));
    }

    /**
     * {@code coordinator} answers again after {@code downFor} unreachable: the holds it asked for before then are
     * due for a decision query now (see {@link ParticipantLog#askNow}). Returns how many; a write only when any.
     */
    int askNowAfterReturn(String coordinator, Duration downFor) {
        long now = clock.millis();
        long preparedBefore = now - downFor.toMillis();
        boolean any = store.read(c -> ParticipantLog.heldFor(c, coordinator, preparedBefore, now));
        return any ? store.write(c -> ParticipantLog.askNow(c, coordinator, preparedBefore, now)) : 0;
    }

    /**
     * Pushes each stale hold's next query back by {@code staleHold}, so one slow coordinator is not asked in a
     * tight loop and two instances do not both ask; returns the holds claimed. A hold another writer has locked
     * right now (skipped, not waited for) or that is no longer due is left out. One write for all of them: a
     * claim per write cost one fsync per hold, and after a crash a participant has hundreds to ask about
     * (harness: about 47 holds a second per airline at 10 ms an fsync, so 20 s to settle 1,000).
     */
    List<ParticipantLog.StaleHold> claim(List<ParticipantLog.StaleHold> holds) {
        if (holds.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        return store.write(connection -> ParticipantLog.claim(connection, holds, now, now + staleHold.toMillis(), store.dialect()));
    }

    /** Participations still waiting for a decision. */
    public long preparedCount() {
        return store.read(ParticipantLog::countPrepared);
    }
}
