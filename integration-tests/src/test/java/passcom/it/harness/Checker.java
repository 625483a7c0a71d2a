package passcom.it.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import passcom.api.Codigo;
import passcom.it.harness.History.Op;
import passcom.it.harness.History.Outcome;

/**
 * Reads every airline's store (after the faults stopped, the system settled and the servers were stopped)
 * together with the history and what every server listed for every customer, and reports each violation of
 * the invariants of issue 9, labelled I1–I9:
 * <ul>
 *   <li>I1 a booking with some legs sold and others not;</li>
 *   <li>I2 more seats sold and held than capacity;</li>
 *   <li>I3 free + held + sold ≠ capacity (counters against seat rows and freed numbers);</li>
 *   <li>I4 a purchase answered "bought" that is not there in full (or answered "not bought" that is there);</li>
 *   <li>I5 two bookings for one {@code id_pedido};</li>
 *   <li>I6 an unknown outcome that did not resolve, or servers listing a customer's bookings differently;</li>
 *   <li>I7 a hold or pending decision still open after the settle limit, with every participant up;</li>
 *   <li>I8 one seat number sold twice on one leg;</li>
 *   <li>I9 a cancelled booking still holding a seat, or a seat freed while its booking is active.</li>
 * </ul>
 * Also "store-fault": a purchase acknowledged by a server while its store refused every write.
 */
final class Checker {

    private final List<String> violations = new ArrayList<>();

    /** What the final, settled federation looked like. */
    record Final(Map<String, StoreState> stores, Map<String, Map<String, Set<String>>> listedByCpf, long settleMillis,
                 long settleLimitMillis) {
    }

    List<String> check(List<Op> ops, List<History.Fault> faults, Final state) {
        checkStores(state.stores());
        Map<String, Map<String, String>> stateCopies = bookingStates(state.stores());
        if (state.settleMillis() < 0 || state.settleMillis() > state.settleLimitMillis()) {
            violation("I7", "holds or pending decisions still open " + (state.settleMillis() < 0 ? "at the deadline" : state.settleMillis() + " ms")
                    + " after every server was up and healed (limit " + state.settleLimitMillis() + " ms)");
        }
        Map<String, String> committed = committedByRequest(state.stores());
        checkPurchases(ops, state.stores(), stateCopies, committed);
        checkCancellations(ops, stateCopies);
        checkListings(state, stateCopies);
        checkStoreFaults(ops, faults);
        return violations;
    }

    private void violation(String label, String text) {
        if (violations.size() < 500) {
            violations.add(label + ": " + text);
        }
    }

    /** I2, I3, I8 inside each store: the counters against the seat rows and the freed numbers. */
    private void checkCounters(Map<String, StoreState> stores) {
        stores.forEach((airline, store) -> {
            Map<String, List<StoreState.Seat>> seatsByLeg = store.seats().stream().collect(Collectors.groupingBy(StoreState.Seat::leg));
            for (StoreState.Stock s : store.stock()) {
                List<StoreState.Seat> seats = seatsByLeg.getOrDefault(s.leg(), List.of());
                long held = seats.stream().filter(x -> x.state().equals("HELD")).count();
                long sold = seats.stream().filter(x -> x.state().equals("SOLD")).count();
                Set<Integer> freed = store.freeSeats().getOrDefault(s.leg(), Set.of());
                long free = s.capacity() - (s.nextNumber() - 1L) + freed.size();
                if (s.held() + s.sold() > s.capacity()) {
                    violation("I2", airline + " " + s.leg() + ": held " + s.held() + " + sold " + s.sold() + " > capacity " + s.capacity());
                }
                if (held != s.held() || sold != s.sold()) {
                    violation("I3", airline + " " + s.leg() + ": counters held " + s.held() + " sold " + s.sold() + ", seat rows held " + held
                            + " sold " + sold);
                }
                if (free + s.held() + s.sold() != s.capacity()) {
                    violation("I3", airline + " " + s.leg() + ": free " + free + " + held " + s.held() + " + sold " + s.sold() + " ≠ capacity "
                            + s.capacity());
                }
                Set<Integer> numbers = new HashSet<>(freed);
                for (StoreState.Seat seat : seats) {
                    if (!numbers.add(seat.number())) {
                        violation("I8", airline + " " + s.leg() + " seat " + seat.number() + " both taken and free, or taken twice");
                    }
                }
                for (int n = 1; n < s.nextNumber(); n++) {
                    if (!numbers.contains(n)) {
                        violation("I3", airline + " " + s.leg() + " seat " + n + " neither taken nor free (lost)");
                    }
                }
            }
        });
    }

    /** reference → (airline holding a copy → ACTIVE | CANCELLED). */
    private static Map<String, Map<String, String>> bookingStates(Map<String, StoreState> stores) {
        Map<String, Map<String, String>> copies = new TreeMap<>();
        stores.forEach((airline, store) -> store.bookings().values().forEach(b ->
                copies.computeIfAbsent(b.reference(), r -> new TreeMap<>()).put(airline, b.state())));
        return copies;
    }

    private static StoreState.Booking anyCopy(Map<String, StoreState> stores, String reference) {
        for (StoreState store : stores.values()) {
            StoreState.Booking b = store.bookings().get(reference);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** I1, I8, I9: each booking's legs against the seats of the airlines that fly them. */
    private void checkBookingsAgainstSeats(Map<String, StoreState> stores, Map<String, Map<String, String>> copies) {
        Map<String, String> seatOwner = new HashMap<>();
        Set<String> activeLegSeats = new HashSet<>();
        copies.forEach((reference, states) -> {
            if (states.values().stream().distinct().count() > 1) {
                violation("I9", "booking " + reference + " is ACTIVE on some airlines and CANCELLED on others: " + states);
            }
            StoreState.Booking booking = anyCopy(stores, reference);
            boolean active = states.containsValue("ACTIVE");
            int soldLegs = 0;
            for (StoreState.Leg leg : booking.allSeats()) {
                StoreState store = stores.get(leg.airline());
                boolean sold = store != null && store.seats().stream().anyMatch(s -> s.state().equals("SOLD") && s.number() == leg.seat()
                        && s.leg().equals(leg.leg()) && reference.equals(s.reference()));
                soldLegs += sold ? 1 : 0;
                String key = leg.airline() + " " + leg.leg() + " #" + leg.seat();
                if (active) {
                    activeLegSeats.add(key);
                    String other = seatOwner.put(key, reference);
                    if (other != null && !other.equals(reference)) {
                        violation("I8", key + " sold to both " + other + " and " + reference);
                    }
                }
            }
            if (active && soldLegs > 0 && soldLegs < booking.allSeats().size()) {
                violation("I1", "booking " + reference + " has " + soldLegs + " of " + booking.allSeats().size() + " seats sold: " + booking.allSeats());
            } else if (active && soldLegs == 0 && !booking.legs().isEmpty()) {
                violation("I9", "active booking " + reference + " holds no seat (freed while active): " + booking.legs());
            } else if (!active && soldLegs > 0) {
                violation("I9", "cancelled booking " + reference + " still holds " + soldLegs + " seat(s)");
            }
        });
        stores.forEach((airline, store) -> store.seats().stream().filter(s -> s.state().equals("SOLD")).forEach(s -> {
            if (!activeLegSeats.contains(airline + " " + s.leg() + " #" + s.number())) {
                violation("I9", airline + " " + s.leg() + " #" + s.number() + " sold for " + s.reference() + ", which no active booking has");
            }
        }));
    }

    /** The invariants the stores alone show (I1, I2, I3, I7, I8, I9), for a settled federation. */
    List<String> checkStores(Map<String, StoreState> stores) {
        checkCounters(stores);
        checkBookingsAgainstSeats(stores, bookingStates(stores));
        checkOpen(stores);
        return violations;
    }

    /** I7: nothing left open once settled. */
    private void checkOpen(Map<String, StoreState> stores) {
        stores.forEach((airline, store) -> {
            store.seats().stream().filter(s -> s.state().equals("HELD")).limit(5).forEach(s ->
                    violation("I7", airline + " " + s.leg() + " #" + s.number() + " still held by " + s.txn()));
            store.prepared().stream().limit(5).forEach(t -> violation("I7", airline + " still prepared in " + t));
            store.txns().stream().filter(t -> t.state().equals("STARTED")).limit(5).forEach(t ->
                    violation("I7", airline + " never decided " + t.id()));
            store.deliveries().stream().limit(5).forEach(d -> violation("I7", airline + " still to deliver " + d));
        });
    }

    /** id_pedido → reference of its committed purchase; I5 when two committed purchases share one. */
    private Map<String, String> committedByRequest(Map<String, StoreState> stores) {
        Map<String, String> byRequest = new HashMap<>();
        stores.forEach((airline, store) -> store.txns().stream()
                .filter(t -> t.kind().equals("PURCHASE") && t.state().equals("COMMITTED") && t.requestId() != null)
                .forEach(t -> {
                    String other = byRequest.put(t.requestId(), t.reference());
                    if (other != null && !other.equals(t.reference())) {
                        violation("I5", "id_pedido " + t.requestId() + " bought twice: " + other + " and " + t.reference());
                    }
                }));
        return byRequest;
    }

    /** I4, I5, I6 from the purchases' histories. */
    private void checkPurchases(List<Op> ops, Map<String, StoreState> stores, Map<String, Map<String, String>> copies,
                                Map<String, String> committed) {
        Map<String, List<Op>> byRequest = new LinkedHashMap<>();
        ops.stream().filter(o -> o.kind().equals("buy") || o.kind().equals("resolve"))
                .forEach(o -> byRequest.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o));
        byRequest.forEach((requestId, attempts) -> {
            Set<String> told = attempts.stream().filter(o -> o.outcome() == Outcome.OK).map(Op::reference).collect(Collectors.toSet());
            if (told.size() > 1) {
                violation("I5", "id_pedido " + requestId + " answered with several bookings " + told);
            }
            String inStore = committed.get(requestId);
            Verdict verdict = verdict(attempts);
            switch (verdict) {
                case BOUGHT -> {
                    String reference = told.iterator().next();
                    if (!reference.equals(inStore)) {
                        violation("I4", "id_pedido " + requestId + " answered bought as " + reference + " but the stores have " + inStore);
                    } else {
                        StoreState.Booking b = anyCopy(stores, reference);
                        Op first = attempts.get(0);
                        if (b == null || !b.legs().stream().map(StoreState.Leg::airline).toList().equals(first.airlines())
                                || b.legs().size() + 1 != first.cities().size()) {
                            violation("I4", "booking " + reference + " of " + requestId + " not there in full: " + (b == null ? "missing" : b.legs()));
                        }
                    }
                }
                case NOT_BOUGHT -> {
                    if (inStore != null) {
                        violation("I4", "id_pedido " + requestId + " answered 'not bought' (" + statuses(attempts) + ") but booking " + inStore
                                + " was sold");
                    }
                }
                case UNKNOWN -> violation("I6", "id_pedido " + requestId + " never got a definite answer: " + statuses(attempts));
            }
        });
    }

    enum Verdict { BOUGHT, NOT_BOUGHT, UNKNOWN }

    /**
     * Bought when any attempt was answered 200; not bought when one was refused definitely (409 without "still
     * being processed", a 4xx, or a 503 whose {@code codigo} is INDISPONIVEL_NADA_COMPRADO: the order's outcome
     * recorded for its id, which a repeat is answered with, docs/purchase-protocol.md "Outcomes on the wire"), or
     * when every attempt failed before any gave an unknown outcome (any other 503 and refused connections say this
     * request did nothing; after an unknown one they say nothing about the earlier one).
     */
    static Verdict verdict(List<Op> attempts) {
        if (attempts.stream().anyMatch(o -> o.outcome() == Outcome.OK)) {
            return Verdict.BOUGHT;
        }
        boolean unknownSoFar = false;
        for (Op o : attempts) {
            if (o.outcome() == Outcome.UNKNOWN) {
                unknownSoFar = true;
            } else if (o.status() != 503 && o.status() != -1 || isRecordedUnreachable(o)) {
                return Verdict.NOT_BOUGHT; // 409 refused, 4xx, the unreachable abort: the order's outcome, replayed for its id
            }
        }
        return unknownSoFar ? Verdict.UNKNOWN : Verdict.NOT_BOUGHT;
    }

    /** A 503 that is the order's own outcome (an airline was unreachable, nothing bought), not a refusal before it. */
    private static boolean isRecordedUnreachable(Op o) {
        return o.status() == 503 && Codigo.INDISPONIVEL_NADA_COMPRADO.name().equals(o.reply().path("codigo").asText(""));
    }

    private static String statuses(List<Op> attempts) {
        return attempts.stream().map(o -> o.kind() + " " + o.server() + " " + o.status() + " " + o.outcome() + " "
                + o.reply().path("erro").asText("")).collect(Collectors.joining("; "));
    }

    /** I9 from the cancellations: told cancelled → cancelled everywhere; refused every time → still active. */
    private void checkCancellations(List<Op> ops, Map<String, Map<String, String>> copies) {
        Map<String, List<Op>> byReference = new LinkedHashMap<>();
        ops.stream().filter(o -> o.kind().equals("cancel")).forEach(o -> byReference.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o));
        byReference.forEach((reference, attempts) -> {
            Map<String, String> states = copies.getOrDefault(reference, Map.of());
            boolean ok = attempts.stream().anyMatch(o -> o.outcome() == Outcome.OK);
            boolean unknown = attempts.stream().anyMatch(o -> o.outcome() == Outcome.UNKNOWN || o.status() == 404);
            if (ok && states.containsValue("ACTIVE")) {
                violation("I9", "booking " + reference + " answered cancelled but is still active on " + states);
            }
            if (!ok && !unknown && states.containsValue("CANCELLED")) {
                violation("I9", "booking " + reference + " cancelled although every cancellation was refused: " + statuses(attempts));
            }
        });
    }

    /** I6: every server lists the same bookings for a customer, and they are the customer's active bookings. */
    private void checkListings(Final state, Map<String, Map<String, String>> copies) {
        Map<String, Set<String>> activeByCpf = new HashMap<>();
        state.stores().values().forEach(store -> store.bookings().values().forEach(b -> {
            if (!copies.get(b.reference()).containsValue("CANCELLED")) {
                activeByCpf.computeIfAbsent(b.cpf(), c -> new HashSet<>()).add(b.reference());
            }
        }));
        state.listedByCpf().forEach((cpf, byServer) -> {
            Set<String> expected = activeByCpf.getOrDefault(cpf, Set.of());
            byServer.forEach((server, listed) -> {
                if (!listed.equals(expected)) {
                    violation("I6", "server " + server + " lists " + listed + " for CPF " + cpf + ", the stores have " + expected + " active");
                }
            });
        });
    }

    /** A purchase acknowledged by a server whose store refused every write for the whole request. */
    private void checkStoreFaults(List<Op> ops, List<History.Fault> faults) {
        Set<String> seen = new HashSet<>();
        List<Op> firsts = ops.stream().filter(o -> o.kind().equals("buy") && seen.add(o.key())).toList();
        for (History.Fault f : faults) {
            if (f.nemesis() != Nemesis.STORE_FAULT || f.variant().startsWith("fail-next")) {
                continue;
            }
            firsts.stream().filter(o -> o.server().equals(f.target()) && o.outcome() == Outcome.OK && o.start() >= f.start() && o.end() <= f.end())
                    .limit(5).forEach(o -> violation("store-fault", o.server() + " acknowledged " + o.reference() + " while its store was "
                            + f.variant()));
        }
    }
}
