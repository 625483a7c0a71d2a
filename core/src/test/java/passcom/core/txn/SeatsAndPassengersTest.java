package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.core.InvalidRequest;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.Passenger;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.seat.SeatMap;
import passcom.core.seat.SeatOnLeg;

/**
 * Seat choice and several passengers on one booking (issue 11), on three in-memory nodes wired directly: the
 * participant's holds, the coordinator's booking, and what every airline keeps. The HTTP races are in
 * integration-tests (SeatChoiceRaceIT, FamilyPurchaseIT).
 */
class SeatsAndPassengersTest {

    private static final String SP = "São Paulo";
    private static final String CWB = "Curitiba";
    private static final String FLN = "Florianópolis";
    private FederationInMemory federation;

    private void start(RouteNetwork network) {
        federation = new FederationInMemory(network, List.of("A", "B", "C"), Duration.ofMillis(300));
    }

    @AfterEach
    void close() {
        if (federation != null) {
            federation.close();
        }
    }

    @Test
    void when_buyers_choose_and_do_not_choose_on_one_leg_then_choosers_get_theirs_and_the_others_the_lowest_free() {
        start(NetworkLoader.loadDefault());

        Booking chooser = bought(federation.node("B").purchase(order(List.of("A"), List.of(SP, CWB), seated(1, 3))));
        Booking first = bought(federation.node("C").purchase(order(List.of("A"), List.of(SP, CWB), anySeat(2))));
        Booking second = bought(federation.node("A").purchase(order(List.of("A"), List.of(SP, CWB), anySeat(3))));

        assertThat(chooser.legs().get(0).seats()).containsExactly(3);
        assertThat(first.legs().get(0).seats()).containsExactly(1);
        assertThat(second.legs().get(0).seats()).containsExactly(2);
        assertThat(federation.node("A").purchase(order(List.of("A"), List.of(SP, CWB), anySeat(4))))
                .isInstanceOf(PurchaseOutcome.SoldOut.class);
        awaitSettled();
        assertThat(count("A", SP, CWB)).isEqualTo(new SeatInventory.Count(0, 0, 3));
        assertInvariants();
    }

    @Test
    void when_a_chosen_seat_is_sold_then_seat_taken_names_it_and_nothing_is_held_on_any_leg() {
        start(NetworkLoader.loadDefault());
        bought(federation.node("A").purchase(order(List.of("B"), List.of(CWB, FLN), seated(1, 2))));
        awaitSettled();

        PurchaseOutcome outcome = federation.node("C").purchase(order(List.of("A", "B"), List.of(SP, CWB, FLN), seated(2, 1, 2)));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.SeatTaken.class);
        PurchaseOutcome.SeatTaken taken = (PurchaseOutcome.SeatTaken) outcome;
        assertThat(taken.seat()).isEqualTo(new SeatOnLeg("B", new Segment.Key(CWB, FLN), 2));
        assertThat(taken.reason()).contains("assento 2").contains(CWB + " → " + FLN).contains("B");
        awaitSettled();
        assertThat(count("A", SP, CWB)).as("the other leg's hold was released").isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(count("B", CWB, FLN)).isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertInvariants();
    }

    @Test
    void when_a_family_of_three_buys_an_interline_trip_then_one_booking_seats_each_on_every_leg_and_costs_three_fares() {
        start(withSeats(NetworkLoader.loadDefault(), "B", CWB, FLN, 5));
        PurchaseOrder order = new PurchaseOrder(List.of(
                new PurchaseOrder.Traveller(cpf(1), "Ana", List.of(SeatRequest.ANY, new SeatRequest.Chosen(5))),
                new PurchaseOrder.Traveller(cpf(2), null, List.of()),
                new PurchaseOrder.Traveller(cpf(3), "Caio", List.of(new SeatRequest.Chosen(3), SeatRequest.ANY))),
                PurchaseOrder.legs(List.of("A", "B"), List.of(SP, CWB, FLN)), null);

        Booking booking = bought(federation.node("C").purchase(order));

        assertThat(federation.events).as("one transaction for the family, not one per passenger")
                .filteredOn(e -> e.startsWith("prepare ")).containsExactlyInAnyOrder("prepare C→A", "prepare C→B");
        assertThat(booking.passengers()).extracting(Passenger::name).containsExactly("Ana", null, "Caio");
        assertThat(booking.legs().get(0).seats()).as("São Paulo → Curitiba, A").containsExactly(1, 2, 3);
        assertThat(booking.legs().get(1).seats()).as("Curitiba → Florianópolis, B").containsExactly(5, 1, 2);
        Money perPerson = booking.legs().stream().map(BookedLeg::price).reduce(Money.ZERO, Money::plus);
        assertThat(booking.price()).isEqualTo(perPerson.plus(perPerson).plus(perPerson));
        awaitSettled();
        assertThat(count("A", SP, CWB)).isEqualTo(new SeatInventory.Count(0, 0, 3));
        assertThat(count("B", CWB, FLN)).isEqualTo(new SeatInventory.Count(2, 0, 3));
        assertThat(federation.phaseTwoSent).containsExactlyInAnyOrder("COMMIT A", "COMMIT B");
        for (String airline : List.of("A", "B", "C")) {
            assertThat(federation.node(airline).localTickets(cpf(2)).bookings()).as(airline + " keeps the whole booking")
                    .containsExactly(booking);
            assertThat(federation.node(airline).tickets(cpf(3)).bookings()).as("found from the third passenger's CPF").containsExactly(booking);
        }
        assertInvariants();
    }

    @Test
    void when_any_passenger_cancels_a_family_booking_then_every_seat_of_every_passenger_comes_back_at_once() {
        start(NetworkLoader.loadDefault());
        Booking booking = bought(federation.node("A").purchase(order(List.of("A", "B"), List.of(SP, CWB, FLN), anySeat(1), anySeat(2))));
        awaitSettled();

        CancelOutcome outcome = federation.node("C").cancel(cpf(2), booking.reference());

        assertThat(outcome).isEqualTo(new CancelOutcome.Cancelled(booking));
        awaitSettled();
        assertThat(count("A", SP, CWB)).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(count("B", CWB, FLN)).isEqualTo(new SeatInventory.Count(3, 0, 0));
        for (String airline : List.of("A", "B", "C")) {
            assertThat(federation.node(airline).tickets(cpf(1)).bookings()).isEmpty();
            assertThat(federation.node(airline).localTickets(cpf(2)).cancelled()).contains(booking.reference());
        }
        assertInvariants();
    }

    @Test
    void when_three_passengers_want_a_leg_with_two_seats_left_then_it_is_sold_out_and_nothing_is_held() {
        start(NetworkLoader.loadDefault());
        bought(federation.node("A").purchase(order(List.of("B"), List.of(CWB, FLN), anySeat(9))));
        awaitSettled();

        PurchaseOutcome outcome = federation.node("A").purchase(order(List.of("A", "B"), List.of(SP, CWB, FLN), anySeat(1), anySeat(2),
                anySeat(3)));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.SoldOut.class);
        assertThat(((PurchaseOutcome.SoldOut) outcome).reason()).contains(CWB + " → " + FLN).contains("3");
        awaitSettled();
        assertThat(count("A", SP, CWB)).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(count("B", CWB, FLN)).isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertInvariants();
    }

    @Test
    void when_a_family_retries_with_the_same_request_id_then_it_buys_once() {
        start(NetworkLoader.loadDefault());
        PurchaseOrder order = new PurchaseOrder(List.of(new PurchaseOrder.Traveller(cpf(1)), new PurchaseOrder.Traveller(cpf(2))),
                PurchaseOrder.legs(List.of("B"), List.of(SP, CWB)), new RequestId("familia-1"));

        PurchaseOutcome first = federation.node("A").purchase(order);
        PurchaseOutcome second = federation.node("A").purchase(order);

        assertThat(first).isInstanceOf(PurchaseOutcome.Bought.class);
        assertThat(second).isEqualTo(first);
        awaitSettled();
        assertThat(count("B", SP, CWB).sold()).isEqualTo(2);
        assertInvariants();
    }

    @Test
    void when_a_chosen_seat_is_held_by_a_purchase_that_then_aborts_then_the_chooser_gets_it() {
        start(NetworkLoader.loadDefault());
        // Held for a transaction its coordinator never started: the hold resolver asks A, A presumes abort, the seat comes back.
        Vote vote = federation.node("B").participant().prepare(new Prepare(new TxnId("txn-lost"), "A", TxnKind.PURCHASE, "ABCDEF", List.of(new Segment.Key(SP, CWB)),
                List.of(new Prepare.Seating(cpf(7), List.of(new SeatRequest.Chosen(2))))));
        assertThat(vote).isInstanceOfSatisfying(Vote.Held.class, held -> assertThat(held.seat(0, 0)).isEqualTo(2));
        SeatMap map = federation.node("C").seatMap(SP, CWB, "B");
        assertThat(map.taken()).as("a held seat is shown taken").containsExactly(2);
        assertThat(map.free()).isEqualTo(2);

        Booking booking = bought(federation.node("C").purchase(order(List.of("B"), List.of(SP, CWB), seated(1, 2))));

        // Whether C met the hold and retried, or the resolver had already released the seat (a loaded machine),
        // the chooser gets seat 2 and nobody else holds it.
        assertThat(booking.legs().get(0).seats()).containsExactly(2);
        awaitSettled();
        assertInvariants();
    }

    @Test
    void when_a_prepare_is_sent_twice_then_the_family_gets_the_same_seats() {
        start(NetworkLoader.loadDefault());
        Prepare prepare = new Prepare(new TxnId("txn-twice"), "A", TxnKind.PURCHASE, "ABCDEF", List.of(new Segment.Key(SP, CWB), new Segment.Key(CWB, FLN)),
                List.of(new Prepare.Seating(cpf(1), List.of()), new Prepare.Seating(cpf(2), List.of(new SeatRequest.Chosen(3), new SeatRequest.Chosen(1)))));

        Vote first = federation.node("B").participant().prepare(prepare);
        Vote second = federation.node("B").participant().prepare(prepare);

        assertThat(first).isInstanceOf(Vote.Held.class);
        assertThat(((Vote.Held) first).legs()).as("leg by leg, passenger by passenger")
                .extracting(Vote.HeldLeg::seats).containsExactly(List.of(1, 3), List.of(2, 1));
        assertThat(second).isEqualTo(first);
        federation.node("B").participant().abort(new TxnId("txn-twice"), "A");
        assertThat(count("B", SP, CWB)).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertInvariants();
    }

    @Test
    void when_a_participant_reads_only_the_first_passenger_as_an_older_version_would_then_the_family_buys_nothing() {
        start(NetworkLoader.loadDefault());
        // What an airline that ignores 'passageiros' does with a family's prepare: holds one seat per leg for the first CPF.
        federation.prepareAsReceived.put("B", prepare -> new Prepare(prepare.txnId(), prepare.coordinator(), prepare.kind(), prepare.cpf(),
                prepare.reference(), prepare.legs()));

        PurchaseOutcome outcome = federation.node("A").purchase(order(List.of("A", "B"), List.of(SP, CWB, FLN), anySeat(1), anySeat(2)));

        assertThat(outcome).isEqualTo(new PurchaseOutcome.Unreachable("B"));
        awaitSettled();
        assertThat(count("A", SP, CWB)).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(count("B", CWB, FLN)).as("its one seat was held, then released by the ABORT").isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(federation.phaseTwoSent).containsExactly("ABORT B");
        assertInvariants();
    }

    @Test
    void when_the_passengers_are_wrong_then_the_order_is_refused_before_anything_is_held() {
        start(NetworkLoader.loadDefault());
        AirlineNode a = federation.node("A");
        List<PurchaseOrder.Traveller> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(new PurchaseOrder.Traveller(cpf(i)));
        }

        assertRefused(() -> a.purchase(new PurchaseOrder(ten, PurchaseOrder.legs(List.of("A"), List.of(SP, CWB)), null)), "9 passageiros");
        assertRefused(() -> a.purchase(new PurchaseOrder(List.of(), PurchaseOrder.legs(List.of("A"), List.of(SP, CWB)), null)), "passageiro");
        assertRefused(() -> a.purchase(order(List.of("A"), List.of(SP, CWB), anySeat(1), anySeat(1))), cpf(1).formatted());
        assertRefused(() -> a.purchase(order(List.of("A"), List.of(SP, CWB), seated(1, 4))), "assentos de 1 a 3");
        assertRefused(() -> a.purchase(order(List.of("A"), List.of(SP, CWB), seated(1, -1))), "-1");
        assertRefused(() -> a.purchase(order(List.of("A"), List.of(SP, CWB), seated(1, 2), seated(2, 2))), "dois passageiros");
        assertRefused(() -> a.purchase(order(List.of("A", "B"), List.of(SP, CWB, FLN), seated(1, 2))), "um assento por trecho");
        assertRefused(() -> a.purchase(new PurchaseOrder(List.of(new PurchaseOrder.Traveller(cpf(1), "x".repeat(121), List.of())),
                PurchaseOrder.legs(List.of("A"), List.of(SP, CWB)), null)), "nome");
        assertThat(count("A", SP, CWB)).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertInvariants();
    }

    private static void assertRefused(Runnable purchase, String mentions) {
        assertThatThrownBy(purchase::run).isInstanceOf(InvalidRequest.class).hasMessageContaining(mentions);
    }

    private static PurchaseOrder order(List<String> airlines, List<String> cities, PurchaseOrder.Traveller... passengers) {
        return new PurchaseOrder(List.of(passengers), PurchaseOrder.legs(airlines, cities), null);
    }

    private static PurchaseOrder.Traveller anySeat(int n) {
        return new PurchaseOrder.Traveller(cpf(n));
    }

    private static PurchaseOrder.Traveller seated(int n, Integer... seats) {
        return PurchaseOrder.Traveller.seated(cpf(n), seats);
    }

    private static Booking bought(PurchaseOutcome outcome) {
        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
        return ((PurchaseOutcome.Bought) outcome).booking();
    }

    /** The n-th valid CPF of a fixed sequence. */
    static Cpf cpf(int n) {
        String base = String.format("%09d", 200_000_000 + n * 7919L);
        for (int d = 0; d < 100; d++) {
            String candidate = base + String.format("%02d", d);
            if (Cpf.isValid(candidate)) {
                return Cpf.parse(candidate);
            }
        }
        throw new IllegalStateException("no check digits for " + base);
    }

    private static RouteNetwork withSeats(RouteNetwork network, String airline, String from, String to, int seats) {
        Airline a = network.airline(airline).orElseThrow();
        var capacity = new TreeMap<>(a.capacity());
        capacity.put(new Segment.Key(from, to), seats);
        return network.withAirline(a.withCapacity(capacity));
    }

    private SeatInventory.Count count(String airline, String from, String to) {
        return NodeInspection.of(federation.node(airline)).seatCounts().get(new Segment.Key(from, to));
    }

    private void awaitSettled() {
        await(() -> federation.nodes.values().stream().allMatch(n -> n.health().heldSeats() == 0 && n.health().pendingTransactions() == 0));
    }

    /** Counters agree with the seat rows, free + held + sold = capacity, and the sold seats are exactly the active bookings' seats. */
    private void assertInvariants() {
        Map<String, Booking> active = new TreeMap<>();
        federation.nodes.values().forEach(n -> NodeInspection.of(n).knownBookings().forEach(b -> active.putIfAbsent(b.reference(), b)));
        federation.nodes.forEach((id, node) -> {
            assertThat(NodeInspection.of(node).recountSeats()).as("%s: seat rows agree with the counters", id).isEqualTo(NodeInspection.of(node).seatCounts());
            NodeInspection.of(node).seatCounts().forEach((segment, count) ->
                    assertThat(count.total()).as(id + " " + segment).isEqualTo(node.network().airline(id).orElseThrow().capacityOf(segment)));
            List<String> sold = NodeInspection.of(node).soldSeats().stream().map(s -> s.reference() + " " + s.segment() + " #" + s.number()).toList();
            List<String> booked = new ArrayList<>();
            active.values().forEach(b -> b.legs().stream().filter(l -> l.airline().equals(id))
                    .forEach(l -> l.seats().forEach(seat -> booked.add(b.reference() + " " + l.segment().key() + " #" + seat))));
            assertThat(sold).as("%s: sold seats = active bookings' seats", id).containsExactlyInAnyOrderElementsOf(booked);
        });
    }

    /** Polls {@code condition} until it holds, for at most 10 s (a loaded machine settles slowly; nothing here is timed). */
    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
