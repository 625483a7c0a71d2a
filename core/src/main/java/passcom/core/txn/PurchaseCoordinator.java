package passcom.core.txn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.InvalidRequest;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.booking.ReferenceGenerator;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.UnknownSegment;
import passcom.core.store.Database;

/**
 * Sells an itinerary whose legs may belong to several airlines: validates it against the network,
 * makes the request idempotent by its id, and runs {@link TwoPhaseCommit}. Logs one line per outcome.
 */
final class PurchaseCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(PurchaseCoordinator.class);
    /** Tries of a contended purchase before telling the customer the seats are taken. */
    static final int MAX_ATTEMPTS = 12;
    private static final long MAX_BACKOFF_MILLIS = 800;

    private final String airline;
    private final RouteNetwork network;
    private final Set<String> federation;
    private final Database database;
    private final BookingStore bookings;
    private final TwoPhaseCommit twoPhaseCommit;
    private final ReferenceGenerator references = new ReferenceGenerator();
    private final Clock clock;

    PurchaseCoordinator(String airline, RouteNetwork network, Set<String> federation, Database database, BookingStore bookings,
                        TwoPhaseCommit twoPhaseCommit, Clock clock) {
        this.airline = airline;
        this.network = network;
        this.federation = federation;
        this.database = database;
        this.bookings = bookings;
        this.twoPhaseCommit = twoPhaseCommit;
        this.clock = clock;
    }

    PurchaseOutcome purchase(PurchaseOrder order) {
        List<Segment> legs = validate(order);
        String requestId = order.requestId() == null || order.requestId().isBlank() ? null : order.requestId().strip();
        if (requestId != null && requestId.length() > 100) {
            throw new InvalidRequest("id_pedido longo demais (máximo 100 caracteres)");
        }
        Map<String, List<Segment.Key>> legsByAirline = new LinkedHashMap<>();
        for (int i = 0; i < legs.size(); i++) {
            legsByAirline.computeIfAbsent(order.airlines().get(i), a -> new ArrayList<>()).add(legs.get(i).key());
        }
        String previousTxn = null;
        for (int attempt = 1; ; attempt++) {
            String txnId = UUID.randomUUID().toString();
            String reference = references.next();
            String moveFrom = previousTxn;
            Optional<CoordinatorLog.TxnRecord> earlier = database.inTransaction(c -> {
                if (moveFrom != null) {
                    CoordinatorLog.forgetRequest(c, moveFrom);
                }
                Optional<CoordinatorLog.TxnRecord> existing = requestId == null || moveFrom != null
                        ? Optional.empty() : CoordinatorLog.findByRequest(c, requestId);
                if (existing.isEmpty()) {
                    CoordinatorLog.start(c, txnId, requestId, TxnKind.PURCHASE, order.cpf().digits(), reference, legsByAirline.keySet(), clock.millis());
                }
                return existing;
            });
            if (earlier.isPresent()) {
                return replay(earlier.get(), order);
            }
            TwoPhaseCommit.Result result = attempt(txnId, reference, order, legs, legsByAirline);
            boolean contended = result instanceof TwoPhaseCommit.Result.Aborted aborted
                    && aborted.outcome().startsWith(TwoPhaseCommit.CONTENDED);
            if (contended && attempt < MAX_ATTEMPTS) {
                LOG.debug("txn {} purchase contended (attempt {}), retrying", txnId, attempt);
                backOff(attempt);
                previousTxn = txnId;
                continue;
            }
            PurchaseOutcome outcome = outcomeOf(result, requestId);
            LOG.info("txn {} purchase {} {} by {} (attempt {}): {}", txnId, reference, String.join("→", order.cities()), airline,
                    attempt, describe(outcome));
            return outcome;
        }
    }

    private TwoPhaseCommit.Result attempt(String txnId, String reference, PurchaseOrder order, List<Segment> legs,
                                          Map<String, List<Segment.Key>> legsByAirline) {
        Map<String, Prepare> prepares = new LinkedHashMap<>();
        legsByAirline.forEach((a, keys) -> prepares.put(a, new Prepare(txnId, airline, TxnKind.PURCHASE, order.cpf(), reference, keys)));
        return twoPhaseCommit.run(txnId, TxnKind.PURCHASE, prepares, held -> {
            Map<String, Integer> next = new LinkedHashMap<>();
            List<BookedLeg> booked = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                String legAirline = order.airlines().get(i);
                int index = next.merge(legAirline, 1, Integer::sum) - 1;
                Vote.Held vote = held.get(legAirline);
                booked.add(new BookedLeg(legs.get(i), legAirline, vote.seats().get(index), vote.prices().get(index)));
            }
            return new Booking(reference, order.cpf(), booked, clock.instant(), airline);
        });
    }

    /**
     * Randomised exponential backoff (as Ethernet's): buyers who blocked each other on different legs
     * retry at different times, so one of them gets every leg.
     */
    private static void backOff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, 20L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, ceiling + 1));
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
            case ABORTED -> outcomeOf(new TwoPhaseCommit.Result.Aborted(earlier.outcome()), earlier.requestId());
        };
    }

    private static PurchaseOutcome outcomeOf(TwoPhaseCommit.Result result, String requestId) {
        if (result instanceof TwoPhaseCommit.Result.Committed committed) {
            return new PurchaseOutcome.Bought(committed.booking());
        }
        String outcome = ((TwoPhaseCommit.Result.Aborted) result).outcome();
        if (outcome != null && outcome.startsWith(TwoPhaseCommit.SOLD_OUT)) {
            return new PurchaseOutcome.SoldOut(outcome.substring(TwoPhaseCommit.SOLD_OUT.length()));
        }
        if (outcome != null && outcome.startsWith(TwoPhaseCommit.CONTENDED)) {
            return new PurchaseOutcome.SoldOut(outcome.substring(TwoPhaseCommit.CONTENDED.length()));
        }
        if (outcome != null && outcome.startsWith(TwoPhaseCommit.UNREACHABLE)) {
            return new PurchaseOutcome.Unreachable(outcome.substring(TwoPhaseCommit.UNREACHABLE.length()));
        }
        // Aborted by recovery after a crash: the customer was never told; a retry with the same id says so.
        return new PurchaseOutcome.Unreachable("coordenador reiniciado; nada foi comprado");
    }

    private static String describe(PurchaseOutcome outcome) {
        if (outcome instanceof PurchaseOutcome.Bought b) {
            return "COMMITTED seats " + b.booking().legs().stream().map(l -> l.airline() + l.seat()).toList();
        }
        if (outcome instanceof PurchaseOutcome.SoldOut s) {
            return "ABORTED sold out: " + s.reason();
        }
        if (outcome instanceof PurchaseOutcome.Unreachable u) {
            return "ABORTED unreachable: " + u.airline();
        }
        return "in progress";
    }

    /** The legs the order names, or a 400 that says which part of it is wrong. */
    private List<Segment> validate(PurchaseOrder order) {
        List<String> cities = order.cities();
        List<String> airlines = order.airlines();
        if (cities.size() < 2) {
            throw new InvalidRequest("o caminho precisa de pelo menos duas cidades");
        }
        if (airlines.size() != cities.size() - 1) {
            throw new InvalidRequest("o caminho tem " + (cities.size() - 1) + " trecho(s) mas " + airlines.size()
                    + " companhia(s): informe uma companhia por trecho");
        }
        cities.forEach(network::city);
        if (new HashSet<>(cities).size() != cities.size()) {
            throw new InvalidRequest("o caminho passa duas vezes pela mesma cidade");
        }
        List<Segment> legs = new ArrayList<>();
        for (int i = 0; i < airlines.size(); i++) {
            String from = cities.get(i);
            String to = cities.get(i + 1);
            String legAirline = airlines.get(i);
            Segment segment = network.segment(from, to)
                    .orElseThrow(() -> new UnknownSegment("o trecho " + from + " → " + to + " não existe na rede"));
            if (legAirline == null || !federation.contains(legAirline)) {
                throw new UnknownSegment("companhia desconhecida: '" + legAirline + "'");
            }
            if (!network.airline(legAirline).map(a -> a.flies(segment.key())).orElse(false)) {
                throw new UnknownSegment("a companhia " + legAirline + " não voa o trecho " + from + " → " + to);
            }
            legs.add(segment);
        }
        return legs;
    }
}
