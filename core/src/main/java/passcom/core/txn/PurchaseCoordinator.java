package passcom.core.txn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import passcom.core.InvalidRequest;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.booking.Passenger;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.store.Store;
import passcom.core.time.Sleeper;
import passcom.core.time.Ticker;

/**
 * Sells an itinerary whose legs may belong to several airlines: validates it against the network,
 * makes the request idempotent by its id, and runs {@link TwoPhaseCommit}. Logs one line per outcome.
 */
final class PurchaseCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(PurchaseCoordinator.class);
    /** Tries of a contended purchase before telling the customer the seats are taken. */
    static final int MAX_ATTEMPTS = 12;
    private static final long MAX_BACKOFF_MILLIS = 800;


    /** Draws of a reference already in use here before giving up (30^6 values: a second collision in a row means a broken generator). */
    private static final int MAX_REFERENCE_DRAWS = 20;

    private final String airline;
    private final String instance;
    private final RouteNetwork network;
    private final OrderValidation validation;
    private final Store store;
    private final BookingStore bookings;
    private final TwoPhaseCommit twoPhaseCommit;
    private final PurchaseEffects effects;
    private final Supplier<String> references;
    private final Clock clock;
    private final java.time.Duration retryWindow;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final java.util.concurrent.atomic.AtomicLong contendedRetries = new java.util.concurrent.atomic.AtomicLong();

    PurchaseCoordinator(String airline, String instance, RouteNetwork network, Set<String> federation, Store store, BookingStore bookings,
                        TwoPhaseCommit twoPhaseCommit, PurchaseEffects effects, Supplier<String> references, Clock clock, java.time.Duration retryWindow,
                        Ticker ticker, Sleeper sleeper) {
        this.airline = airline;
        this.instance = instance;
        this.network = network;
        this.validation = new OrderValidation(network, federation);
        this.store = store;
        this.bookings = bookings;
        this.twoPhaseCommit = twoPhaseCommit;
        this.effects = effects;
        this.references = references;
        this.clock = clock;
        this.retryWindow = retryWindow;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    PurchaseOutcome purchase(PurchaseOrder order) {
        List<Segment> legs = validation.legs(order);
        validation.passengers(order, legs);
        String requestId = order.requestId() == null ? null : order.requestId().value();
        Map<String, List<Integer>> legsByAirline = new LinkedHashMap<>();
        for (int i = 0; i < legs.size(); i++) {
            legsByAirline.computeIfAbsent(order.legs().get(i).airline().value(), a -> new ArrayList<>()).add(i);
        }
        TxnId previousTxn = null;
        // How long to keep retrying contended seats: one prepare timeout. The customer's request holds one of the
        // server's customer slots meanwhile; seats held for a coordinator that died stay held until it is back
        // (or, with several instances, until its lease runs out), and retrying longer would only hold the slot.
        long retryUntil = ticker.read() + retryWindow.toNanos();
        for (int attempt = 1; ; attempt++) {
            TxnId txnId = TxnId.random();
            MDC.put(TxnLog.KEY, txnId.value()); // every line of this attempt, here and (by header) at each participant
            TxnId moveFrom = previousTxn;
            // STARTED is committed (a duplicate id_pedido sees it; so does another instance) but not forced: the
            // participants' prepares and the decision are the two fsync rounds. Lost in a power cut before the
            // decision's fsync, it is presumed aborted (docs/purchase-protocol.md, "Presumed abort").
            Started started = store.writeUnforced(c -> {
                if (moveFrom != null) {
                    CoordinatorLog.forgetRequest(c, moveFrom);
                }
                Optional<CoordinatorLog.TxnRecord> existing = requestId == null || moveFrom != null
                        ? Optional.empty() : CoordinatorLog.findByRequest(c, requestId);
                if (existing.isPresent()) {
                    return new Started(null, existing);
                }
                String reference = freeReference(c, txnId);
                CoordinatorLog.start(c, txnId, requestId, TxnKind.PURCHASE, order.cpf().digits(), reference, legsByAirline.keySet(),
                        instance, clock.millis());
                return new Started(reference, Optional.empty());
            });
            if (started.earlier().isPresent()) {
                return replay(started.earlier().get(), order);
            }
            TwoPhaseCommit.Result result = attempt(txnId, started.reference(), order, legs, legsByAirline);
            if (result instanceof TwoPhaseCommit.Result.Aborted aborted && aborted.reason().retryable() && attempt < MAX_ATTEMPTS
                    && ticker.read() - retryUntil < 0) {
                LOG.debug("txn {} purchase {} (attempt {}), retrying", txnId, aborted.reason(), attempt);
                if (aborted.reason() == AbortReason.CONTENDED) {
                    contendedRetries.incrementAndGet();
                    backOff(attempt);
                }
                previousTxn = txnId;
                continue;
            }
            PurchaseOutcome outcome = outcomeOf(result, requestId);
            LOG.info("txn {} purchase {} {} by {} (attempt {}): {}", txnId, started.reference(), String.join("→", order.cities()), airline,
                    attempt, describe(outcome));
            return outcome;
        }
    }

    /** Attempts retried because a seat was contended, since start (tests count them; /saude may show them). */
    long contendedRetries() {
        return contendedRetries.get();
    }

    private record Started(String reference, Optional<CoordinatorLog.TxnRecord> earlier) {
    }

    /** A reference no purchase of this store uses: a collision draws again, never joins the other booking. */
    private String freeReference(java.sql.Connection c, TxnId txnId) throws java.sql.SQLException {
        for (int draw = 1; draw <= MAX_REFERENCE_DRAWS; draw++) {
            String reference = references.get();
            if (!BookingReferences.inUse(c, reference, txnId.value())) {
                return reference;
            }
            LOG.info("booking reference {} already in use here; drawing another", reference);
        }
        throw new IllegalStateException("no free booking reference in " + MAX_REFERENCE_DRAWS + " draws: the generator repeats itself");
    }

    /**
     * One prepare per airline, carrying its legs (indexes into the itinerary, {@code legsByAirline}) and every
     * passenger with the seat chosen on each of them; the booking puts each airline's seats back in itinerary order.
     */
    private TwoPhaseCommit.Result attempt(TxnId txnId, String reference, PurchaseOrder order, List<Segment> legs,
                                          Map<String, List<Integer>> legsByAirline) {
        Map<String, Prepare> prepares = new LinkedHashMap<>();
        legsByAirline.forEach((a, indexes) -> {
            List<Prepare.Seating> seating = order.passengers().stream()
                    .map(p -> new Prepare.Seating(p.cpf(), p.seats().isEmpty() ? List.of() : indexes.stream().map(p::seatOn).toList()))
                    .toList();
            prepares.put(a, new Prepare(txnId, airline, TxnKind.PURCHASE, reference, indexes.stream().map(i -> legs.get(i).key()).toList(),
                    seating));
        });
        return twoPhaseCommit.run(txnId, effects, prepares, held -> {
            Map<String, Integer> next = new LinkedHashMap<>();
            List<BookedLeg> booked = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                String legAirline = order.legs().get(i).airline().value();
                int index = next.merge(legAirline, 1, Integer::sum) - 1;
                Vote.Held vote = held.get(legAirline);
                Vote.HeldLeg heldLeg = vote.legs().get(index);
                booked.add(new BookedLeg(legs.get(i), legAirline, heldLeg.seats(), heldLeg.price()));
            }
            List<Passenger> travellers = order.passengers().stream().map(p -> new Passenger(p.cpf(), p.name())).toList();
            return new Booking(reference, travellers, booked, clock.instant(), airline, order.buyer());
        });
    }

    /**
     * Randomised exponential backoff (as Ethernet's): buyers who blocked each other on different legs
     * retry at different times, so one of them gets every leg.
     */
    private void backOff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, 20L << Math.min(attempt, 6));
        try {
            sleeper.sleep(java.time.Duration.ofMillis(ThreadLocalRandom.current().nextLong(5, ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PurchaseOutcome replay(CoordinatorLog.TxnRecord earlier, PurchaseOrder order) {
        if (!earlier.cpf().equals(order.cpf().digits())) {
            throw new InvalidRequest("id_pedido já usado por outro CPF");
        }
        return switch (earlier.state()) {
            case STARTED -> new PurchaseOutcome.InProgress(earlier.requestId());
            case COMMITTED -> new PurchaseOutcome.Bought(bookings.find(earlier.reference()).orElseThrow());
            // The first answer again, "unreachable" included: definite either way (docs/purchase-protocol.md).
            case ABORTED -> outcomeOf(new TwoPhaseCommit.Result.Aborted(earlier.outcome(), earlier.detail()), earlier.requestId());
        };
    }

    private static PurchaseOutcome outcomeOf(TwoPhaseCommit.Result result, String requestId) {
        if (result instanceof TwoPhaseCommit.Result.Committed committed) {
            return new PurchaseOutcome.Bought(committed.booking());
        }
        TwoPhaseCommit.Result.Aborted aborted = (TwoPhaseCommit.Result.Aborted) result;
        AbortReason reason = aborted.reason() == null ? AbortReason.PRESUMED : aborted.reason();
        return switch (reason) {
            case SEAT_TAKEN -> new PurchaseOutcome.SeatTaken(aborted.detail(), aborted.seat());
            // A chosen seat still held when the retries ran out is taken, as far as this customer can tell.
            case CONTENDED -> aborted.seat() != null
                    ? new PurchaseOutcome.SeatTaken(aborted.detail(), aborted.seat())
                    : new PurchaseOutcome.SoldOut(aborted.detail());
            case SOLD_OUT, NOT_ACTIVE -> new PurchaseOutcome.SoldOut(aborted.detail());
            case UNREACHABLE -> new PurchaseOutcome.Unreachable(aborted.detail());
            case REFERENCE_TAKEN -> new PurchaseOutcome.NotBought("nenhum localizador livre");
            case REFUSED_BY_AIRLINE -> new PurchaseOutcome.NotBought(aborted.detail());
            // Aborted by recovery, expiry or presumed abort: the customer was never told; a retry with the same id says so,
            // definitely (the fault harness found these answered 503, which clients must read as "outcome unknown").
            case RECOVERED, EXPIRED, PRESUMED -> new PurchaseOutcome.NotBought("o pedido foi interrompido (coordenador reiniciado) antes da decisão");
        };
    }

    private static String describe(PurchaseOutcome outcome) {
        if (outcome instanceof PurchaseOutcome.Bought b) {
            return "COMMITTED seats " + b.booking().legs().stream().map(l -> l.airline() + l.seats()).toList();
        }
        if (outcome instanceof PurchaseOutcome.SoldOut s) {
            return "ABORTED sold out: " + s.reason();
        }
        if (outcome instanceof PurchaseOutcome.SeatTaken t) {
            return "ABORTED seat taken: " + t.reason();
        }
        if (outcome instanceof PurchaseOutcome.Unreachable u) {
            return "ABORTED unreachable: " + u.airline();
        }
        if (outcome instanceof PurchaseOutcome.NotBought n) {
            return "ABORTED: " + n.reason();
        }
        return "in progress";
    }
}
