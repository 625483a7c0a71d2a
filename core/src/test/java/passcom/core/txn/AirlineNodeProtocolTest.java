package passcom.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import passcom.core.InvalidRequest;
import passcom.core.NotFound;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.store.Store;

/** The protocol's logic on three in-memory nodes wired directly; the HTTP version lives in integration-tests. */
class AirlineNodeProtocolTest {

    private static final Cpf CPF = Cpf.parse("529.982.247-25");
    private static final Cpf OTHER_CPF = Cpf.parse("111.444.777-35");
    private FederationInMemory federation;

    private FederationInMemory start(RouteNetwork network) {
        federation = new FederationInMemory(network, List.of("A", "B", "C"), Duration.ofMillis(300));
        return federation;
    }

    @AfterEach
    void close() {
        if (federation != null) {
            federation.close();
        }
    }

    private static PurchaseOrder order(Cpf cpf, List<String> airlines, String... cities) {
        return new PurchaseOrder(cpf, PurchaseOrder.legs(airlines, List.of(cities)), null);
    }

    @Test
    void when_an_interline_itinerary_is_bought_then_every_airline_sells_its_leg_at_its_own_price() {
        start(NetworkLoader.loadDefault());
        PurchaseOutcome outcome = federation.node("B").purchase(order(CPF, List.of("A", "C"), "Cuiabá", "Goiânia", "Belo Horizonte"));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
        var booking = ((PurchaseOutcome.Bought) outcome).booking();
        assertThat(booking.reference()).hasSize(6);
        assertThat(booking.legs()).extracting(l -> l.airline() + ":" + l.seat() + ":" + l.price())
                .containsExactly("A:1:1023.50", "C:1:1379.50");
        assertThat(booking.price()).isEqualTo(Money.of("2403.00"));
        awaitSettled();
        assertThat(count("A", "Cuiabá", "Goiânia")).isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertThat(count("C", "Goiânia", "Belo Horizonte")).isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertThat(count("B", "Cuiabá", "Goiânia")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(federation.node("A").tickets(CPF).bookings()).containsExactly(booking);
    }

    @Test
    void when_one_leg_is_sold_out_then_nothing_is_bought_anywhere() {
        start(withSeats(NetworkLoader.loadDefault(), "C", "Goiânia", "Belo Horizonte", 1));
        assertThat(federation.node("A").purchase(order(OTHER_CPF, List.of("C"), "Goiânia", "Belo Horizonte")))
                .isInstanceOf(PurchaseOutcome.Bought.class);

        PurchaseOutcome outcome = federation.node("B").purchase(order(CPF, List.of("A", "C"), "Cuiabá", "Goiânia", "Belo Horizonte"));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.SoldOut.class);
        assertThat(((PurchaseOutcome.SoldOut) outcome).reason()).contains("Goiânia → Belo Horizonte").contains("C");
        awaitSettled();
        assertThat(count("A", "Cuiabá", "Goiânia")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(federation.node("B").tickets(CPF).bookings()).isEmpty();
    }

    @Test
    void when_the_coordinator_flies_a_leg_then_its_seat_is_sold_by_the_time_the_customer_hears_bought() {
        start(NetworkLoader.loadDefault());

        PurchaseOutcome outcome = federation.node("A").purchase(order(CPF, List.of("A", "C"), "Cuiabá", "Goiânia", "Belo Horizonte"));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
        assertThat(count("A", "Cuiabá", "Goiânia")).as("decided and applied in one local transaction").isEqualTo(new SeatInventory.Count(2, 0, 1));
        awaitSettled();
        assertThat(federation.phaseTwoSent).containsExactly("COMMIT C");
        assertInvariants();
    }

    @Test
    void when_a_participant_refuses_then_only_the_others_that_held_are_sent_abort() {
        start(withSeats(NetworkLoader.loadDefault(), "C", "Goiânia", "Belo Horizonte", 1));
        assertThat(federation.node("C").purchase(order(OTHER_CPF, List.of("C"), "Goiânia", "Belo Horizonte")))
                .isInstanceOf(PurchaseOutcome.Bought.class);

        PurchaseOutcome outcome = federation.node("B").purchase(order(CPF, List.of("A", "C"), "Cuiabá", "Goiânia", "Belo Horizonte"));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.SoldOut.class);
        awaitSettled();
        assertThat(federation.phaseTwoSent).containsExactly("ABORT A");
        assertThat(count("A", "Cuiabá", "Goiânia")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertInvariants();
    }

    @Test
    void when_five_buyers_race_for_three_seats_then_three_win() throws Exception {
        start(NetworkLoader.loadDefault());
        List<PurchaseOutcome> outcomes = race(5, i -> federation.node("A").purchase(order(CPF, List.of("A"), "São Paulo", "Curitiba")));

        assertThat(outcomes).filteredOn(o -> o instanceof PurchaseOutcome.Bought).hasSize(3);
        assertThat(outcomes).filteredOn(o -> o instanceof PurchaseOutcome.SoldOut).hasSize(2);
        awaitSettled();
        assertThat(count("A", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(0, 0, 3));
        assertInvariants();
    }

    @Test
    void when_an_unreachable_purchase_is_repeated_with_its_request_id_then_it_is_told_the_same_even_once_the_airline_is_back() {
        start(NetworkLoader.loadDefault());
        PurchaseOrder order = new PurchaseOrder(CPF, PurchaseOrder.legs(List.of("A", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
                new RequestId("pedido-c-fora"));
        federation.reachable.get("C").set(false);

        PurchaseOutcome first = federation.node("A").purchase(order);
        PurchaseOutcome repeated = federation.node("A").purchase(order);
        federation.reachable.get("C").set(true);
        PurchaseOutcome afterwards = federation.node("A").purchase(order);

        assertThat(first).isEqualTo(new PurchaseOutcome.Unreachable("C"));
        assertThat(repeated).as("the first outcome, not a different 'not bought'").isEqualTo(first);
        assertThat(afterwards).as("the same order, not a new attempt").isEqualTo(first);
        awaitSettled();
        assertThat(count("C", "Goiânia", "Belo Horizonte")).isEqualTo(new SeatInventory.Count(3, 0, 0));
    }

    @Test
    void when_a_participant_is_unreachable_then_the_purchase_fails_and_holds_are_released() {
        start(NetworkLoader.loadDefault());
        federation.reachable.get("C").set(false);

        PurchaseOutcome outcome = federation.node("A").purchase(order(CPF, List.of("A", "C"), "Cuiabá", "Goiânia", "Belo Horizonte"));

        assertThat(outcome).isEqualTo(new PurchaseOutcome.Unreachable("C"));
        await(() -> count("A", "Cuiabá", "Goiânia").equals(new SeatInventory.Count(3, 0, 0)));
        assertThat(federation.node("A").health().pendingTransactions()).as("the ABORT for C waits in the outbox").isEqualTo(1);
        federation.reachable.get("C").set(true);
        awaitSettled();
        assertThat(count("C", "Goiânia", "Belo Horizonte")).isEqualTo(new SeatInventory.Count(3, 0, 0));
    }

    @Test
    void when_the_same_request_id_is_sent_twice_then_it_buys_once() {
        start(NetworkLoader.loadDefault());
        PurchaseOrder order = new PurchaseOrder(CPF, PurchaseOrder.legs(List.of("B"), List.of("São Paulo", "Rio de Janeiro")), new RequestId("pedido-1"));

        PurchaseOutcome first = federation.node("A").purchase(order);
        PurchaseOutcome second = federation.node("A").purchase(order);

        assertThat(second).isEqualTo(first);
        awaitSettled();
        assertThat(count("B", "São Paulo", "Rio de Janeiro").sold()).isEqualTo(1);
    }

    @Test
    void when_a_booking_is_cancelled_then_every_seat_returns_and_it_is_no_longer_listed() {
        start(NetworkLoader.loadDefault());
        var booking = ((PurchaseOutcome.Bought) federation.node("A")
                .purchase(order(CPF, List.of("A", "B"), "São Paulo", "Curitiba", "Florianópolis"))).booking();
        awaitSettled();

        CancelOutcome outcome = federation.node("C").cancel(CPF, booking.reference());

        assertThat(outcome).isEqualTo(new CancelOutcome.Cancelled(booking));
        awaitSettled();
        assertThat(count("A", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(count("B", "Curitiba", "Florianópolis")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(federation.node("B").tickets(CPF).bookings()).isEmpty();
        assertThatThrownBy(() -> federation.node("A").cancel(CPF, booking.reference())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> federation.node("A").cancel(OTHER_CPF, "ZZZZZZ")).isInstanceOf(NotFound.class);
        assertInvariants();
    }

    @Test
    void when_sending_a_commit_fails_before_it_leaves_then_it_is_retried_and_delivered() {
        start(NetworkLoader.loadDefault());
        federation.commitsThatThrow.get("B").set(1);

        PurchaseOutcome outcome = federation.node("A").purchase(order(CPF, List.of("B"), "São Paulo", "Curitiba"));

        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
        awaitSettled();
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(2, 0, 1));
    }

    @Test
    void when_a_coordinator_loses_the_thread_of_a_started_transaction_then_it_expires_and_the_holds_return() {
        start(NetworkLoader.loadDefault());
        federation.node("B").participant().prepare(new Prepare(new TxnId("txn-lost"), "A", TxnKind.PURCHASE, CPF, "ABCDEF",
                List.of(new Segment.Key("São Paulo", "Curitiba"))));
        Store a = federation.store("A");
        a.write(c -> {
            CoordinatorLog.start(c, new TxnId("txn-lost"), null, TxnKind.PURCHASE, CPF.digits(), "ABCDEF", List.of("B"), "instance-of-the-test", 0);
            return null;
        });
        assertThat(count("B", "São Paulo", "Curitiba").held()).isEqualTo(1);

        awaitSettled();

        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(federation.node("A").decision(new TxnId("txn-lost"))).isInstanceOf(Decision.Aborted.class);
    }

    @Test
    void when_a_late_prepare_arrives_after_the_abort_then_it_holds_nothing() {
        start(NetworkLoader.loadDefault());
        AirlineNode b = federation.node("B");
        b.participant().abort(new TxnId("txn-late"), "A");

        Vote vote = b.participant().prepare(new Prepare(new TxnId("txn-late"), "A", TxnKind.PURCHASE, CPF, "ABCDEF",
                List.of(new Segment.Key("São Paulo", "Curitiba"))));

        assertThat(vote).isInstanceOf(Vote.Refused.class);
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
    }

    @Test
    void when_a_participant_holds_for_an_unknown_transaction_then_the_coordinator_presumes_abort_and_the_seat_returns() {
        // B's clock stands still until the test moves it, so its hold resolver cannot find the hold stale before the
        // assertion that it is held (under load, 300 ms of real time could pass in between).
        MutableClock clockOfB = MutableClock.of(Instant.now(), ZoneOffset.UTC);
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMillis(300),
                config -> config.airline().equals("B") ? config.withClock(clockOfB) : config, (airline, store, events) -> store);
        Vote vote = federation.node("B").participant().prepare(new Prepare(new TxnId("txn-orphan"), "A", TxnKind.PURCHASE, CPF, "ABCDEF",
                List.of(new Segment.Key("São Paulo", "Curitiba"))));
        assertThat(vote).isInstanceOf(Vote.Held.class);
        assertThat(count("B", "São Paulo", "Curitiba").held()).isEqualTo(1);

        clockOfB.add(Duration.ofMillis(300));
        awaitSettled();
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(federation.node("A").decision(new TxnId("txn-orphan"))).isInstanceOf(Decision.Aborted.class);
    }

    @Test
    void when_a_participant_restarts_with_more_orphan_holds_than_one_resolver_pass_takes_then_every_seat_returns() {
        // 150 holds for transactions their coordinator never decided (as after a crash mid-purchase): more than the
        // 100 a pass claims, so it takes two passes; each pass claims its holds in one write and applies the answers
        // from several threads.
        RouteNetwork network = passcom.core.route.generate.NetworkGenerator.generate(7, 10, 3, 3, 200);
        Segment.Key leg = network.segmentsFlownBy("B").get(0).key();
        MutableClock clockOfB = MutableClock.of(Instant.now(), ZoneOffset.UTC);
        federation = new FederationInMemory(network, List.of("A", "B", "C"), Duration.ofMillis(300),
                config -> config.airline().equals("B") ? config.withClock(clockOfB) : config, (airline, store, events) -> store);
        for (int i = 0; i < 150; i++) {
            Vote vote = federation.node("B").participant().prepare(new Prepare(new TxnId("txn-orphan-" + i), "A", TxnKind.PURCHASE, CPF,
                    String.format("ORF%03d", i), List.of(leg)));
            assertThat(vote).as("hold %d", i).isInstanceOf(Vote.Held.class);
        }
        assertThat(count("B", leg.origin(), leg.destination()).held()).isEqualTo(150);

        clockOfB.add(Duration.ofMillis(300));
        awaitSettled();

        assertThat(count("B", leg.origin(), leg.destination())).isEqualTo(new SeatInventory.Count(200, 0, 0));
        assertThat(federation.node("A").decision(new TxnId("txn-orphan-149"))).isInstanceOf(Decision.Aborted.class);
        assertInvariants();
    }

    @Test
    void when_the_path_is_wrong_then_the_request_is_rejected_naming_the_problem() {
        start(NetworkLoader.loadDefault());
        AirlineNode a = federation.node("A");
        assertThatThrownBy(() -> a.purchase(order(CPF, List.of("A"), "Cuiabá", "Porto Alegre")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("Cuiabá → Porto Alegre");
        assertThatThrownBy(() -> a.purchase(order(CPF, List.of("Z"), "São Paulo", "Curitiba")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("'Z'");
        assertThatThrownBy(() -> a.purchase(order(CPF, List.of("A"), "São Paulo", "Recife")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("Recife");
        assertThatThrownBy(() -> a.search("São Paulo", "São Paulo")).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void when_searching_then_every_airline_answers_and_options_mix_airlines() {
        start(withSeats(NetworkLoader.loadDefault(), "A", "Goiânia", "Belo Horizonte", 1));
        federation.node("B").purchase(order(OTHER_CPF, List.of("A"), "Goiânia", "Belo Horizonte"));
        awaitSettled();

        RouteSearch search = federation.node("A").search("Cuiabá", "Vitória");

        assertThat(search.unavailable()).isEmpty();
        assertThat(search.answers()).hasSize(3);
        assertThat(search.options().shortest()).isNotEmpty();
        var best = search.options().shortest().get(0);
        assertThat(best.cities()).containsExactly("Cuiabá", "Goiânia", "Belo Horizonte", "Vitória");
        assertThat(best.airlines()).containsExactly("A", "B", "A");
    }

    private static RouteNetwork withSeats(RouteNetwork network, String airline, String from, String to, int seats) {
        Airline a = network.airline(airline).orElseThrow();
        var capacity = new java.util.TreeMap<>(a.capacity());
        capacity.put(new Segment.Key(from, to), seats);
        return network.withAirline(a.withCapacity(capacity));
    }

    private SeatInventory.Count count(String airline, String from, String to) {
        return NodeInspection.of(federation.node(airline)).seatCounts().get(new Segment.Key(from, to));
    }

    private <T> List<T> race(int buyers, java.util.function.IntFunction<T> buy) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                int n = i;
                calls.add(() -> buy.apply(n));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_the_reference_generator_repeats_then_each_booking_gets_its_own_reference_and_none_is_merged() {
        // Every coordinator draws "AAAAAA" first, then a fresh one: B and C coordinate purchases that both fly A.
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> draws = new java.util.concurrent.ConcurrentHashMap<>();
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMillis(300),
                config -> config.withReferences(() -> {
                    int n = draws.computeIfAbsent(config.airline(), a -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
                    return n == 0 || n == 1 ? "AAAAAA" : config.airline() + "ZZZZ" + (char) ('A' + n);
                }), (airline, store, events) -> store);

        PurchaseOutcome first = federation.node("B").purchase(order(CPF, List.of("A"), "Cuiabá", "Goiânia"));
        PurchaseOutcome second = federation.node("C").purchase(order(OTHER_CPF, List.of("A"), "Cuiabá", "Goiânia"));
        PurchaseOutcome third = federation.node("B").purchase(order(CPF, List.of("C"), "Cuiabá", "Goiânia"));

        assertThat(List.of(first, second, third)).allMatch(o -> o instanceof PurchaseOutcome.Bought);
        List<String> references = List.of(first, second, third).stream().map(o -> ((PurchaseOutcome.Bought) o).booking().reference()).toList();
        assertThat(references).as("a repeated draw is drawn again, at the coordinator or at the participant").doesNotHaveDuplicates();
        awaitSettled();
        assertThat(federation.node("A").tickets(CPF).bookings()).hasSize(2);
        assertThat(federation.node("A").tickets(OTHER_CPF).bookings()).singleElement()
                .satisfies(b -> assertThat(b.cpf()).isEqualTo(OTHER_CPF));
        assertThat(count("A", "Cuiabá", "Goiânia")).isEqualTo(new SeatInventory.Count(1, 0, 2));
        assertInvariants();
    }

    @Test
    void when_a_commit_arrives_for_an_aborted_participation_then_it_is_refused_counted_and_changes_nothing() {
        start(NetworkLoader.loadDefault());
        AirlineNode b = federation.node("B");
        b.participant().abort(new TxnId("txn-aborted"), "A");
        passcom.core.booking.Booking booking = new passcom.core.booking.Booking("QQQQQQ", CPF, List.of(new passcom.core.booking.BookedLeg(
                b.network().segment("São Paulo", "Curitiba").orElseThrow(), "B", 1, passcom.core.money.Money.ofCents(100))),
                Instant.now(), "A");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.participant().commit(new Commit(new TxnId("txn-aborted"), TxnKind.PURCHASE, booking), "A"))
                .isInstanceOf(ConflictingDecision.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.participant().commit(new Commit(new TxnId("txn-never-seen"), TxnKind.PURCHASE, booking), "A"))
                .isInstanceOf(ConflictingDecision.class);

        assertThat(b.health().conflictingDecisions()).isEqualTo(2);
        assertThat(b.tickets(CPF).bookings()).isEmpty();
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
    }

    @Test
    void when_a_commit_or_abort_is_signed_by_an_airline_that_does_not_coordinate_the_transaction_then_it_is_refused_and_the_hold_stays() {
        // A stale hold is asked about only after ten minutes: nothing but the messages below decides this one.
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMinutes(10));
        AirlineNode b = federation.node("B");
        Vote vote = b.participant().prepare(new Prepare(new TxnId("txn-of-A"), "A", TxnKind.PURCHASE, CPF, "ABCDEF", List.of(new Segment.Key("São Paulo", "Curitiba"))));
        assertThat(vote).isInstanceOf(Vote.Held.class);
        Commit commit = new Commit(new TxnId("txn-of-A"), TxnKind.PURCHASE, bookingOnB(b, "ABCDEF", ((Vote.Held) vote).seat(0, 0), "A"));

        assertThatThrownBy(() -> b.participant().commit(commit, "C")).isInstanceOf(NotTheCoordinator.class)
                .hasMessageContaining("'A'").hasMessageContaining("'C'").hasMessageContaining("nada foi feito");
        assertThatThrownBy(() -> b.participant().abort(new TxnId("txn-of-A"), "C")).isInstanceOf(NotTheCoordinator.class)
                .hasMessageContaining("'A'").hasMessageContaining("'C'");

        assertThat(count("B", "São Paulo", "Curitiba")).as("the hold stays, nothing sold").isEqualTo(new SeatInventory.Count(2, 1, 0));
        assertThat(b.localTickets(CPF).bookings()).isEmpty();
        assertThat(b.health().conflictingDecisions()).as("a refused sender is not a conflicting decision").isZero();

        b.participant().commit(commit, "A");
        b.participant().commit(commit, "A");

        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertThat(b.localTickets(CPF).bookings()).extracting(passcom.core.booking.Booking::reference).containsExactly("ABCDEF");
        assertThatThrownBy(() -> b.participant().abort(new TxnId("txn-of-A"), "C")).as("not even a no-op answer for another airline").isInstanceOf(NotTheCoordinator.class);
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(2, 0, 1));
    }

    @Test
    void when_an_abort_arrives_for_an_unknown_transaction_then_its_signer_is_its_coordinator_and_another_airlines_prepare_holds_nothing() {
        start(NetworkLoader.loadDefault());
        AirlineNode b = federation.node("B");
        b.participant().abort(new TxnId("txn-unknown"), "C");
        b.participant().abort(new TxnId("txn-unknown"), "C");

        Vote vote = b.participant().prepare(new Prepare(new TxnId("txn-unknown"), "A", TxnKind.PURCHASE, CPF, "ABCDEF", List.of(new Segment.Key("São Paulo", "Curitiba"))));

        assertThat(vote).isInstanceOf(Vote.Refused.class);
        assertThat(((Vote.Refused) vote).reason()).contains("'C'").contains("'A'");
        assertThatThrownBy(() -> b.participant().abort(new TxnId("txn-unknown"), "A")).isInstanceOf(NotTheCoordinator.class);
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
        assertThat(b.participant().prepare(new Prepare(new TxnId("txn-unknown"), "C", TxnKind.PURCHASE, CPF, "ABCDEF", List.of(new Segment.Key("São Paulo", "Curitiba")))))
                .as("the airline that aborted it gets the presumed-abort refusal, as before").isInstanceOf(Vote.Refused.class);
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(3, 0, 0));
    }

    private static passcom.core.booking.Booking bookingOnB(AirlineNode b, String reference, int seat, String soldBy) {
        return new passcom.core.booking.Booking(reference, CPF, List.of(new passcom.core.booking.BookedLeg(
                b.network().segment("São Paulo", "Curitiba").orElseThrow(), "B", seat, Money.ofCents(100))), Instant.now(), soldBy);
    }

    @Test
    void when_an_abort_arrives_for_a_committed_participation_then_it_is_refused_and_the_seat_stays_sold() {
        start(NetworkLoader.loadDefault());
        PurchaseOutcome outcome = federation.node("A").purchase(order(CPF, List.of("B"), "São Paulo", "Curitiba"));
        assertThat(outcome).isInstanceOf(PurchaseOutcome.Bought.class);
        awaitSettled();
        String txn = federation.store("B").read(c -> {
            try (var s = c.prepareStatement("SELECT txn FROM participation WHERE state = 'COMMITTED'"); var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> federation.node("B").participant().abort(new TxnId(txn), "A")).isInstanceOf(ConflictingDecision.class);

        assertThat(federation.node("B").health().conflictingDecisions()).isEqualTo(1);
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertThat(federation.node("B").tickets(CPF).bookings()).hasSize(1);
    }

    @Test
    void when_sixty_four_buyers_race_for_a_hundred_seats_then_all_buy_at_their_first_attempt() throws Exception {
        start(withSeats(NetworkLoader.loadDefault(), "B", "São Paulo", "Curitiba", 100));
        List<PurchaseOutcome> outcomes = race(64, i -> federation.node(List.of("A", "B", "C").get(i % 3))
                .purchase(order(CPF, List.of("B"), "São Paulo", "Curitiba")));

        assertThat(outcomes).allMatch(o -> o instanceof PurchaseOutcome.Bought);
        assertThat(federation.nodes.values().stream().mapToLong(n -> NodeInspection.of(n).contendedRetries()).sum())
                .as("no purchase was refused as contended and retried").isZero();
        awaitSettled();
        assertThat(count("B", "São Paulo", "Curitiba")).isEqualTo(new SeatInventory.Count(36, 0, 64));
        assertInvariants();
    }

    @Test
    void when_a_store_cannot_write_then_purchases_fail_without_acknowledging_and_nothing_it_had_is_lost() {
        federation = new FederationInMemory(NetworkLoader.loadDefault(), List.of("A", "B", "C"), Duration.ofMillis(300),
                config -> config, (airline, store, events) -> new FailingStore(store, failing));
        PurchaseOutcome before = federation.node("A").purchase(order(CPF, List.of("B"), "São Paulo", "Curitiba"));
        assertThat(before).isInstanceOf(PurchaseOutcome.Bought.class);
        awaitSettled();

        // The coordinator's own store turns read-only (a disk remounted read-only, a full disk: every write fails).
        readOnly("A", true);
        assertThatThrownBy(() -> federation.node("A").purchase(order(CPF, List.of("B"), "São Paulo", "Curitiba")))
                .isInstanceOf(passcom.core.store.StoreFailure.class);
        // A participant's store turns read-only: its prepare fails, the purchase is refused as unreachable.
        readOnly("A", false);
        readOnly("B", true);
        PurchaseOutcome refused = federation.node("A").purchase(order(OTHER_CPF, List.of("B"), "São Paulo", "Curitiba"));
        assertThat(refused).isInstanceOf(PurchaseOutcome.Unreachable.class);
        readOnly("B", false);

        awaitSettled();
        assertThat(count("B", "São Paulo", "Curitiba")).as("nothing held or sold for the failed purchases").isEqualTo(new SeatInventory.Count(2, 0, 1));
        assertThat(federation.node("B").tickets(CPF).bookings()).singleElement()
                .satisfies(b -> assertThat(b.reference()).isEqualTo(((PurchaseOutcome.Bought) before).booking().reference()));
        assertThat(federation.node("A").tickets(OTHER_CPF).bookings()).isEmpty();
        assertThat(federation.node("A").purchase(order(OTHER_CPF, List.of("B"), "São Paulo", "Curitiba")))
                .as("sells again once the store can write").isInstanceOf(PurchaseOutcome.Bought.class);
        // B confirms after the customer's answer (phase two): the rows and the counters agree once it has
        awaitSettled();
        assertInvariants();
    }

    /** Airlines whose store refuses every write now (a full disk, a file turned read-only). */
    private final java.util.Set<Store> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void readOnly(String airline, boolean on) {
        Store store = federation.store(airline);
        if (on) {
            failing.add(store);
        } else {
            failing.remove(store);
        }
    }

    /** A store whose writes fail with {@link passcom.core.store.StoreFailure} while it is in {@code failing}. */
    private static final class FailingStore implements Store {
        private final Store store;
        private final java.util.Set<Store> failing;

        FailingStore(Store store, java.util.Set<Store> failing) {
            this.store = store;
            this.failing = failing;
        }

        @Override public <T> T write(Work<T> work) {
            if (failing.contains(this)) {
                throw new passcom.core.store.StoreFailure("disk full (test)", null);
            }
            return store.write(work);
        }
        @Override public <T> T read(Work<T> work) { return store.read(work); }
        @Override public passcom.core.store.Dialect dialect() { return store.dialect(); }
        @Override public Duration deadline() { return store.deadline(); }
        @Override public boolean shared() { return store.shared(); }
        @Override public void close() { store.close(); }
    }

    private void awaitSettled(String... airlines) {
        List<String> which = airlines.length == 0 ? List.copyOf(federation.nodes.keySet()) : List.of(airlines);
        await(() -> which.stream().allMatch(a -> {
            Health h = federation.node(a).health();
            return h.heldSeats() == 0 && h.pendingTransactions() == 0;
        }));
    }

    private void assertInvariants() {
        federation.nodes.forEach((id, node) -> {
            assertThat(NodeInspection.of(node).recountSeats()).as("%s: seat rows agree with the counters", id).isEqualTo(NodeInspection.of(node).seatCounts());
            for (Map.Entry<Segment.Key, SeatInventory.Count> e : NodeInspection.of(node).seatCounts().entrySet()) {
                assertThat(e.getValue().total()).as(id + " " + e.getKey()).isEqualTo(node.network().airline(id).orElseThrow().capacityOf(e.getKey()));
            }
        });
    }

    /** Polls {@code condition} until it holds, for at most 10 s (a loaded machine settles slowly; nothing here is timed). */
    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
