package passcom.core.txn;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.store.Database;

/**
 * The coordinator's half of two-phase commit with presumed abort (docs/purchase-protocol.md), shared by
 * purchases and cancellations. Runs on the customer's request thread; holds no lock while it waits.
 * The caller has already written the {@code txn(STARTED)} row.
 */
final class TwoPhaseCommit {

    /** The end of one run: committed with the final booking, or aborted with why. */
    sealed interface Result {
        record Committed(Booking booking) implements Result {
        }

        record Aborted(String outcome) implements Result {
        }
    }

    static final String SOLD_OUT = "SOLD_OUT:";
    static final String UNREACHABLE = "UNREACHABLE:";
    /** Every refusal was for seats other transactions still hold: worth another try. */
    static final String CONTENDED = "CONTENDED:";

    private final Database database;
    private final BookingStore bookings;
    private final Map<String, AirlinePort> ports;
    private final DecisionDelivery delivery;
    private final Clock clock;
    private final Duration peerTimeout;

    TwoPhaseCommit(Database database, BookingStore bookings, Map<String, AirlinePort> ports, DecisionDelivery delivery,
                   Clock clock, Duration peerTimeout) {
        this.database = database;
        this.bookings = bookings;
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
     * @param prepares    one message per participant airline
     * @param bookingOf   builds the final booking from the votes (purchase: seats and prices)
     */
    Result run(String txnId, TxnKind kind, Map<String, Prepare> prepares, Function<Map<String, Vote.Held>, Booking> bookingOf) {
        Map<String, CompletableFuture<Vote>> votes = new LinkedHashMap<>();
        prepares.forEach((airline, prepare) -> votes.put(airline,
                ports.get(airline).prepare(prepare).orTimeout(peerTimeout.toMillis(), TimeUnit.MILLISECONDS)));

        Map<String, Vote.Held> held = new LinkedHashMap<>();
        String abort = null;
        for (var entry : votes.entrySet()) {
            Vote vote = await(entry.getKey(), entry.getValue());
            if (vote instanceof Vote.Held h) {
                held.put(entry.getKey(), h);
            } else if (vote instanceof Vote.Refused refused && !refused.contended()) {
                abort = SOLD_OUT + refused.reason();
            } else if (vote instanceof Vote.Refused refused) {
                abort = abort == null ? CONTENDED + refused.reason() : abort;
            } else if (abort == null || abort.startsWith(CONTENDED)) {
                abort = UNREACHABLE + entry.getKey();
            }
        }
        if (abort == null) {
            Booking booking = bookingOf.apply(held);
            boolean committed = database.inTransaction(c -> {
                if (!CoordinatorLog.decide(c, txnId, CoordinatorLog.State.COMMITTED, null, prepares.keySet(), clock.millis())) {
                    return false;
                }
                if (kind == TxnKind.PURCHASE) {
                    bookings.save(c, booking);
                } else {
                    bookings.markCancelled(c, booking);
                }
                return true;
            });
            if (committed) {
                delivery.wakeUp();
                return new Result.Committed(booking);
            }
            // A participant asked for the decision and was told ABORT (presumed abort) while we waited.
            abort = UNREACHABLE + prepares.keySet().iterator().next();
        }
        String outcome = abort;
        database.inTransaction(c -> CoordinatorLog.decide(c, txnId, CoordinatorLog.State.ABORTED, outcome, prepares.keySet(), clock.millis()));
        delivery.wakeUp();
        return new Result.Aborted(outcome);
    }

    /** The vote, or null when the airline could not be reached or did not answer in time. */
    private Vote await(String airline, CompletableFuture<Vote> vote) {
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
