package passcom.core.txn;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import passcom.core.booking.Booking;
import passcom.core.seat.SeatOnLeg;
import passcom.core.store.Store;

/**
 * The coordinator's half of two-phase commit with presumed abort (docs/purchase-protocol.md), shared by
 * purchases and cancellations. Runs on the customer's request thread; holds no lock while it waits.
 * The caller has already written the {@code txn(STARTED)} row.
 *
 * <p>Two savings over sending phase two to everyone, both standard (Mohan, Lindsay & Obermarck 1986, the
 * "read-only"/"no-vote" and local-participant cases): when this airline is itself a participant, its phase
 * two is applied inside the local transaction that records the decision, so it needs no delivery; and a
 * participant that voted Refused has already rolled back and recorded ABORTED, so it is sent no ABORT.
 */
final class TwoPhaseCommit {

    /** The end of one run: committed with the final booking, or aborted with why. */
    sealed interface Result {
        record Committed(Booking booking) implements Result {
        }

        /**
         * {@code detail} says why for the customer: the leg, or the airline that did not answer; {@code seat} is
         * the chosen seat that was taken, when that is why (else null).
         */
        record Aborted(AbortReason reason, String detail, SeatOnLeg seat) implements Result {
            Aborted(AbortReason reason, String detail) {
                this(reason, detail, null);
            }
        }
    }

    private final String self;
    private final Participant participant;
    private final Store store;
    private final Map<String, AirlinePort> ports;
    private final DecisionDelivery delivery;
    private final Clock clock;
    private final Duration peerTimeout;

    TwoPhaseCommit(String self, Participant participant, Store store, Map<String, AirlinePort> ports,
                   DecisionDelivery delivery, Clock clock, Duration peerTimeout) {
        this.self = self;
        this.participant = participant;
        this.store = store;
        this.ports = ports;
        this.delivery = delivery;
        this.clock = clock;
        this.peerTimeout = peerTimeout;
    }

    /**
     * Sends every prepare in parallel, decides, makes the decision durable (with the booking when it
     * commits) and hands the phase-two messages to {@link DecisionDelivery}. Returns once the decision
     * is durable: the caller may then tell the customer.
     *
     * @param effects     what the transaction does (a purchase's or a cancellation's)
     * @param prepares    one message per participant airline
     * @param bookingOf   builds the final booking from the votes (purchase: seats and prices)
     */
    Result run(TxnId txnId, TxnEffects effects, Map<String, Prepare> prepares, Function<Map<String, Vote.Held>, Booking> bookingOf) {
        Map<String, CompletableFuture<Vote>> votes = new LinkedHashMap<>();
        prepares.forEach((airline, prepare) -> votes.put(airline,
                ports.get(airline).prepare(prepare).orTimeout(peerTimeout.toMillis(), TimeUnit.MILLISECONDS)));

        Map<String, Vote.Held> held = new LinkedHashMap<>();
        Set<String> refused = new HashSet<>();
        Result.Aborted abort = null;
        for (var entry : votes.entrySet()) {
            Vote vote = await(entry.getValue());
            Prepare prepare = prepares.get(entry.getKey());
            if (vote instanceof Vote.Held h && effects.isComplete(h, prepare)) {
                held.put(entry.getKey(), h);
                continue;
            }
            // A Held vote without a seat per passenger per leg comes from a participant that does not know
            // several passengers (an older version): it held something, so it is sent ABORT like a silent one.
            Result.Aborted why = vote instanceof Vote.Refused refusal
                    ? new Result.Aborted(refusal.why(), refusal.reason(), refusal.seat())
                    : new Result.Aborted(AbortReason.UNREACHABLE, entry.getKey());
            if (vote instanceof Vote.Refused) {
                refused.add(entry.getKey());
            }
            if (abort == null || outweighs(why.reason(), abort.reason())) {
                abort = why;
            }
        }
        if (abort == null) {
            CrashPoints.reach(effects.afterVotes());
            Booking booking = bookingOf.apply(held);
            Commit commit = new Commit(txnId, effects.kind(), booking);
            Set<String> remote = without(prepares.keySet(), Set.of(self));
            boolean committed = store.write(c -> {
                if (!CoordinatorLog.decide(c, txnId, CoordinatorLog.State.COMMITTED, null, null, remote, clock.millis())) {
                    return false;
                }
                effects.recordBooking(c, booking, txnId);
                if (prepares.containsKey(self)) {
                    participant.applyCommit(c, commit, self);
                }
                return true;
            });
            if (committed) {
                CrashPoints.reach(effects.afterDecision());
                delivery.wakeUp();
                return new Result.Committed(booking);
            }
            // Aborted while we waited: a participant asked and was told ABORT (presumed abort), or the
            // expiry or another instance aborted it. Whatever happened, the abort is already recorded.
            return store.read(c -> CoordinatorLog.find(c, txnId))
                    .map(t -> new Result.Aborted(t.outcome() == null ? AbortReason.PRESUMED : t.outcome(), t.detail()))
                    .orElse(new Result.Aborted(AbortReason.PRESUMED, null));
        }
        Result.Aborted outcome = abort;
        Set<String> mayHold = without(prepares.keySet(), union(refused, Set.of(self)));
        store.write(c -> {
            if (CoordinatorLog.decide(c, txnId, CoordinatorLog.State.ABORTED, outcome.reason(), outcome.detail(), mayHold, clock.millis())
                    && prepares.containsKey(self) && !refused.contains(self)) {
                participant.applyAbort(c, txnId, self);
            }
            return null;
        });
        if (!mayHold.isEmpty()) {
            delivery.wakeUp();
        }
        return outcome;
    }

    /**
     * Which refusal the customer hears when several airlines refuse: a definite "sold out" over anything
     * that might pass on a retry, and "unreachable" over a contended seat (a retry could not help).
     */
    private static boolean outweighs(AbortReason candidate, AbortReason current) {
        return rank(candidate) > rank(current);
    }

    private static int rank(AbortReason reason) {
        return switch (reason) {
            case SOLD_OUT, SEAT_TAKEN, NOT_ACTIVE, REFUSED_BY_AIRLINE -> 3;
            case UNREACHABLE -> 2;
            case REFERENCE_TAKEN -> 1;
            default -> 0;
        };
    }

    private static Set<String> without(Set<String> all, Set<String> excluded) {
        Set<String> rest = new LinkedHashSet<>(all);
        rest.removeAll(excluded);
        return rest;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }

    /** The vote, or null when the airline could not be reached or did not answer in time. */
    private Vote await(CompletableFuture<Vote> vote) {
        try {
            return vote.get(peerTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | CompletionException | TimeoutException e) {
            return null;
        }
    }
}
