package passcom.core.txn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import passcom.core.InvalidRequest;
import passcom.core.NotFound;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;
import passcom.core.store.Store;

/**
 * Cancels a booking with the purchase protocol: every airline with a leg marks its sold seats (phase
 * one: every passenger's seat on every leg), then all free them (phase two), or nothing changes. Any airline may coordinate a cancellation,
 * whoever sold the booking.
 */
final class CancellationCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(CancellationCoordinator.class);

    private final String airline;
    private final String instance;
    private final Store store;
    private final TwoPhaseCommit twoPhaseCommit;
    private final CancellationEffects effects;
    private final TicketsHandler tickets;
    private final Clock clock;

    CancellationCoordinator(String airline, String instance, Store store, TwoPhaseCommit twoPhaseCommit, CancellationEffects effects, TicketsHandler tickets,
                            Clock clock) {
        this.airline = airline;
        this.instance = instance;
        this.store = store;
        this.twoPhaseCommit = twoPhaseCommit;
        this.effects = effects;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * POST /cancelar_cliente: finds the booking among the CPF's tickets (any passenger's CPF finds it) and cancels it.
     * @throws InvalidRequest no reference given
     * @throws NotFound no such active booking for that CPF (and every airline answered)
     */
    CancelOutcome cancel(Cpf cpf, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidRequest("informe o localizador da passagem");
        }
        String wanted = reference.strip().toUpperCase();
        TicketSearch search = tickets.tickets(cpf);
        return search.bookings().stream().filter(b -> b.reference().equals(wanted)).findFirst()
                .map(this::cancel)
                .orElseGet(() -> {
                    if (!search.unavailable().isEmpty()) {
                        return new CancelOutcome.Unreachable(String.join(", ", search.unavailable()));
                    }
                    throw new NotFound("o CPF " + cpf + " não tem passagem ativa com localizador " + wanted);
                });
    }

    /**
     * Every airline with a leg takes part, and so does the airline that sold the booking (it keeps a copy
     * even without a leg), so that none of them lists the booking as active afterwards.
     */
    private CancelOutcome cancel(Booking booking) {
        TxnId txnId = TxnId.random();
        MDC.put(TxnLog.KEY, txnId.value()); // every line of this cancellation, here and (by header) at each participant
        Map<String, List<Segment.Key>> legsByAirline = new LinkedHashMap<>();
        for (BookedLeg leg : booking.legs()) {
            legsByAirline.computeIfAbsent(leg.airline(), a -> new ArrayList<>()).add(leg.segment().key());
        }
        if (booking.soldBy() != null) {
            legsByAirline.putIfAbsent(booking.soldBy(), List.of());
        }
        store.writeUnforced(c -> { // committed, not forced: presumed abort, as a purchase's STARTED
            CoordinatorLog.start(c, txnId, null, TxnKind.CANCELLATION, booking.cpf().digits(), booking.reference(),
                    legsByAirline.keySet(), instance, clock.millis());
            return null;
        });
        // Every passenger travels on every leg: a participant marks legs × passengers seats, or refuses.
        List<Prepare.Seating> passengers = booking.passengers().stream().map(p -> new Prepare.Seating(p.cpf(), List.of())).toList();
        Map<String, Prepare> prepares = new LinkedHashMap<>();
        legsByAirline.forEach((a, keys) -> prepares.put(a,
                new Prepare(txnId, airline, TxnKind.CANCELLATION, booking.reference(), keys, passengers)));
        TwoPhaseCommit.Result result = twoPhaseCommit.run(txnId, effects, prepares, held -> booking);
        CancelOutcome outcome;
        if (result instanceof TwoPhaseCommit.Result.Committed) {
            outcome = new CancelOutcome.Cancelled(booking);
        } else {
            TwoPhaseCommit.Result.Aborted aborted = (TwoPhaseCommit.Result.Aborted) result;
            outcome = aborted.reason() == AbortReason.UNREACHABLE
                    ? new CancelOutcome.Unreachable(aborted.detail())
                    : new CancelOutcome.Refused(aborted.detail() == null ? "cancelamento interrompido; tente de novo" : aborted.detail());
        }
        LOG.info("txn {} cancellation {} by {}: {}", txnId, booking.reference(), airline,
                outcome instanceof CancelOutcome.Cancelled ? "COMMITTED" : "ABORTED " + outcome);
        return outcome;
    }
}
