package passcom.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.Segment;
import passcom.core.seat.SeatAvailability;
import passcom.core.seat.SeatInventory;
import passcom.core.seat.SeatState;
import passcom.core.store.TestStores.Engine;

/** What every engine must do the same: durable units that fail alone, and seats handed out exactly once. */
class StoreContractTest {

    private static final Segment.Key LEG = new Segment.Key("Cuiabá", "Goiânia");
    /**
     * Generous: these tests are about what the store does, not how fast, and 64 buyers on PostgreSQL waited
     * more than 2 s for one of the pool's 16 connections at load average 40. The deadline test sets its own.
     */
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    static List<Engine> engines() {
        return TestStores.engines();
    }

    private static Store open(String url) {
        return Store.open(url, DEADLINE);
    }

    private static Airline airline(int seats) {
        return new Airline("A", Money.ofCents(11_500), new java.util.TreeMap<>(Map.of(LEG, seats, new Segment.Key("Goiânia", "Brasília"), seats)));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void a_committed_write_is_there_after_the_store_is_reopened(Engine engine) {
        String url = TestStores.newStoreUrl(engine, "reopen");
        try (Store store = open(url)) {
            createSeats(store, airline(3));
            store.write(c -> new SeatInventory(store.dialect()).hold(c, LEG, "t1", "ABCDEF", "52998224725"));
        }
        try (Store store = open(url)) {
            assertThat(new SeatAvailability(store).counts().get(LEG)).isEqualTo(new SeatInventory.Count(2, 1, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void a_reopen_of_the_same_network_has_no_capacity_to_record_and_a_network_with_more_seats_records_the_segments_that_changed(Engine engine) {
        String url = TestStores.newStoreUrl(engine, "capacity");
        Segment.Key other = new Segment.Key("Goiânia", "Brasília");
        try (Store store = open(url)) {
            SeatInventory seats = new SeatInventory(store.dialect());
            Map<Segment.Key, Integer> first = store.read(c -> seats.capacityChanges(c, airline(3)));
            assertThat(first).as("first start: every segment").containsOnlyKeys(LEG, other);
            createSeats(store, airline(3));
            store.write(c -> seats.hold(c, LEG, "t1", "ABCDEF", "52998224725"));
        }
        try (Store store = open(url)) {
            SeatInventory seats = new SeatInventory(store.dialect());
            Map<Segment.Key, Integer> same = store.read(c -> seats.capacityChanges(c, airline(3)));
            assertThat(same).as("reopen, same network").isEmpty();
            Airline more = new Airline("A", Money.ofCents(11_500), new java.util.TreeMap<>(Map.of(LEG, 5, other, 3)));
            Map<Segment.Key, Integer> changes = store.read(c -> seats.capacityChanges(c, more));
            assertThat(changes).as("reopen, more seats on one segment").isEqualTo(Map.of(LEG, 5));
            store.write(c -> {
                seats.recordCapacity(c, changes);
                return null;
            });
            assertThat(new SeatAvailability(store).counts().get(LEG)).as("the held seat kept, two more free").isEqualTo(new SeatInventory.Count(4, 1, 0));
            Map<Segment.Key, Integer> after = store.read(c -> seats.capacityChanges(c, more));
            assertThat(after).as("recorded").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void an_unforced_write_is_visible_at_once_and_a_later_forced_write_keeps_it_across_a_reopen(Engine engine) {
        String url = TestStores.newStoreUrl(engine, "unforced");
        try (Store store = open(url)) {
            createSeats(store, airline(3));
            SeatInventory seats = new SeatInventory(store.dialect());
            store.writeUnforced(c -> seats.hold(c, LEG, "t1", "ABCDEF", "52998224725"));
            assertThat(new SeatAvailability(store).counts().get(LEG)).as("committed: readers see it").isEqualTo(new SeatInventory.Count(2, 1, 0));
            assertThatThrownBy(() -> store.writeUnforced(c -> {
                seats.hold(c, LEG, "t2", "GHIJKL", "52998224725");
                throw new IllegalStateException("the unit fails");
            })).hasMessageContaining("the unit fails");
            store.write(c -> seats.hold(c, LEG, "t3", "MNOPQR", "52998224725"));
        }
        try (Store store = open(url)) {
            assertThat(new SeatAvailability(store).counts().get(LEG)).as("t1 and t3 held, the failed t2 not").isEqualTo(new SeatInventory.Count(1, 2, 0));
        }
    }

    @org.junit.jupiter.api.Test
    void on_sqlite_a_batch_of_only_unforced_units_takes_no_fsync_and_the_next_forced_one_takes_one() {
        try (SqliteStore store = (SqliteStore) open(TestStores.newStoreUrl(Engine.SQLITE, "fsyncs"))) {
            createSeats(store, airline(3));
            long[] before = store.commitsAndBatches();
            SeatInventory seats = new SeatInventory(store.dialect());

            store.writeUnforced(c -> seats.hold(c, LEG, "t1", "ABCDEF", "52998224725"));
            long[] afterUnforced = store.commitsAndBatches();
            store.write(c -> seats.hold(c, LEG, "t2", "GHIJKL", "52998224725"));
            long[] afterForced = store.commitsAndBatches();

            assertThat(afterUnforced[1]).as("fsyncs after the unforced write").isEqualTo(before[1]);
            assertThat(afterUnforced[2]).as("batches without an fsync").isEqualTo(before[2] + 1);
            assertThat(afterForced[1]).as("fsyncs after the forced write").isEqualTo(before[1] + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void a_unit_that_fails_changes_nothing_while_the_units_beside_it_commit(Engine engine) throws Exception {
        try (Store store = open(TestStores.newStoreUrl(engine, "fail-alone"))) {
            SeatInventory seats = new SeatInventory(store.dialect());
            createSeats(store, airline(40));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int buyer = i;
                results.add(pool.submit(() -> {
                    try {
                        store.write(c -> {
                            seats.hold(c, LEG, "t" + buyer, "R" + buyer, "52998224725");
                            if (buyer % 2 == 1) {
                                throw new IllegalStateException("buyer " + buyer + " changes its mind");
                            }
                            return null;
                        });
                        return true;
                    } catch (IllegalStateException e) {
                        return false;
                    }
                }));
            }
            int committed = 0;
            for (Future<Boolean> result : results) {
                committed += result.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(committed).isEqualTo(16);
            assertThat(new SeatAvailability(store).counts().get(LEG)).isEqualTo(new SeatInventory.Count(24, 16, 0));
            assertThat(new SeatAvailability(store).recount().get(LEG)).isEqualTo(new SeatInventory.Count(24, 16, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void the_lowest_free_seat_is_taken_and_a_seat_given_back_is_taken_again_first(Engine engine) {
        try (Store store = open(TestStores.newStoreUrl(engine, "lowest"))) {
            SeatInventory seats = new SeatInventory(store.dialect());
            createSeats(store, airline(4));
            List<Integer> taken = new ArrayList<>();
            for (String txn : List.of("t1", "t2", "t3")) {
                taken.add(store.write(c -> seats.hold(c, LEG, txn, txn, null)).getAsInt());
            }
            store.write(c -> seats.release(c, "t2"));
            store.write(c -> seats.release(c, "t1"));
            OptionalInt again = store.write(c -> seats.hold(c, LEG, "t4", "t4", null));
            OptionalInt next = store.write(c -> seats.hold(c, LEG, "t5", "t5", null));
            OptionalInt last = store.write(c -> seats.hold(c, LEG, "t6", "t6", null));
            OptionalInt none = store.write(c -> seats.hold(c, LEG, "t7", "t7", null));

            assertThat(taken).containsExactly(1, 2, 3);
            assertThat(again).hasValue(1);
            assertThat(next).hasValue(2);
            assertThat(last).hasValue(4);
            assertThat(none).isEmpty();
            assertThat(new SeatAvailability(store).recount().get(LEG)).isEqualTo(new SeatInventory.Count(0, 4, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void a_chosen_seat_is_held_by_number_and_the_lowest_free_seat_is_still_the_lowest(Engine engine) {
        try (Store store = open(TestStores.newStoreUrl(engine, "chosen"))) {
            SeatInventory seats = new SeatInventory(store.dialect());
            createSeats(store, airline(6));
            store.write(c -> {
                seats.holdChosen(c, LEG, 4, "t1", "t1", null);
                return null;
            });
            List<Integer> lowest = new ArrayList<>();
            for (String txn : List.of("t2", "t3")) {
                lowest.add(store.write(c -> seats.hold(c, LEG, txn, txn, null)).getAsInt());
            }
            store.write(c -> {
                seats.holdChosen(c, LEG, 3, "t4", "t4", null);
                return null;
            });
            OptionalInt fifth = store.write(c -> seats.hold(c, LEG, "t5", "t5", null));
            store.write(c -> seats.release(c, "t1"));
            OptionalInt fourAgain = store.write(c -> seats.hold(c, LEG, "t6", "t6", null));

            assertThat(lowest).as("seats skipped by a choice are free, lowest first").containsExactly(1, 2);
            assertThat(fifth).hasValue(5);
            assertThat(fourAgain).as("a chosen seat given back is free again").hasValue(4);
            SeatState six = store.read(c -> seats.stateOf(c, LEG, 6));
            SeatState three = store.read(c -> seats.stateOf(c, LEG, 3));
            assertThat(six).isEqualTo(SeatState.FREE);
            assertThat(three).isEqualTo(SeatState.HELD);
            assertThat(new SeatAvailability(store).recount().get(LEG)).isEqualTo(new SeatInventory.Count(1, 5, 0));
            assertThat(new SeatAvailability(store).seatMap("A", LEG).orElseThrow().taken()).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void thirty_two_concurrent_buyers_half_choosing_their_seat_never_share_one(Engine engine) throws Exception {
        try (Store store = open(TestStores.newStoreUrl(engine, "chosen-race"))) {
            SeatInventory seats = new SeatInventory(store.dialect());
            createSeats(store, airline(32));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int buyer = i;
                // the even buyers choose 32, 30, ..., 2: each seat a number the lowest-free buyers reach last
                results.add(pool.submit(() -> store.write(c -> {
                    seats.lock(c, Set.of(LEG));
                    if (buyer % 2 == 0) {
                        int chosen = 32 - buyer;
                        if (seats.stateOf(c, LEG, chosen) != SeatState.FREE) {
                            return -chosen;
                        }
                        seats.holdChosen(c, LEG, chosen, "t" + buyer, "R" + buyer, null);
                        return chosen;
                    }
                    return seats.hold(c, LEG, "t" + buyer, "R" + buyer, null).orElse(0);
                })));
            }
            Set<Integer> held = new TreeSet<>();
            int refused = 0;
            for (Future<Integer> result : results) {
                int seat = result.get();
                if (seat > 0) {
                    assertThat(held.add(seat)).as("seat %d held twice", seat).isTrue();
                } else {
                    refused++;
                }
            }
            pool.shutdown();

            assertThat(held.size() + refused).isEqualTo(32);
            assertThat(new SeatAvailability(store).recount().get(LEG)).isEqualTo(new SeatInventory.Count(32 - held.size(), held.size(), 0));
            assertThat(new SeatAvailability(store).counts().get(LEG)).isEqualTo(new SeatAvailability(store).recount().get(LEG));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sixty_four_concurrent_buyers_of_a_hundred_seats_each_get_a_different_seat_at_the_first_try(Engine engine) throws Exception {
        try (Store store = open(TestStores.newStoreUrl(engine, "64-buyers"))) {
            SeatInventory seats = new SeatInventory(store.dialect());
            createSeats(store, airline(100));
            ExecutorService pool = Executors.newFixedThreadPool(64);
            List<Callable<OptionalInt>> buyers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String txn = "buyer-" + i;
                buyers.add(() -> store.write(c -> {
                    seats.lock(c, Set.of(LEG));
                    return seats.hold(c, LEG, txn, txn, null);
                }));
            }
            Set<Integer> numbers = new TreeSet<>();
            for (Future<OptionalInt> seat : pool.invokeAll(buyers)) {
                assertThat(seat.get()).as("every buyer gets a seat on its only try").isPresent();
                numbers.add(seat.get().getAsInt());
            }
            pool.shutdown();
            assertThat(numbers).hasSize(64).allMatch(n -> n >= 1 && n <= 64);
            assertThat(new SeatAvailability(store).recount().get(LEG)).isEqualTo(new SeatInventory.Count(36, 64, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void availability_is_read_from_one_row_per_segment_whatever_the_capacity(Engine engine) {
        try (Store store = open(TestStores.newStoreUrl(engine, "availability"))) {
            SeatInventory seats = new SeatInventory(store.dialect());
            createSeats(store, airline(1));
            store.write(c -> seats.hold(c, LEG, "t1", "t1", null));
            assertThat(new SeatAvailability(store).segmentsWithFreeSeats()).containsExactly(new Segment.Key("Goiânia", "Brasília"));
            store.write(c -> seats.release(c, "t1"));
            assertThat(new SeatAvailability(store).segmentsWithFreeSeats()).contains(LEG);
            int rows = store.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM seat"); ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(rows).as("free seats have no row").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void a_write_past_the_deadline_fails_instead_of_waiting_without_bound(Engine engine) throws Exception {
        String url = TestStores.newStoreUrl(engine, "deadline");
        // Migrated and seeded first under the generous deadline: on a loaded machine the migration alone can
        // outlast 300 ms, and what is under test is a write, not the schema's creation.
        try (Store setUp = open(url)) {
            createSeats(setUp, airline(3));
        }
        try (Store store = Store.open(url, Duration.ofMillis(300))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // Holds the segment's row (PostgreSQL) or the single writer (SQLite) until the blocked write has failed.
            Future<Object> slow = pool.submit(() -> store.write(c -> {
                try (PreparedStatement lock = c.prepareStatement("UPDATE segment_stock SET held = held WHERE origin = 'Cuiabá'")) {
                    lock.executeUpdate();
                }
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).as("the first write took its lock").isTrue();
            Future<Object> blocked = pool.submit(() -> store.write(c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE segment_stock SET held = held WHERE origin = 'Cuiabá'")) {
                    update.executeUpdate();
                }
                return null;
            }));
            assertThatThrownBy(blocked::get).hasCauseInstanceOf(StoreFailure.class);
            release.countDown();
            slow.get();
            pool.shutdown();
        }
    }

    @org.junit.jupiter.api.Test
    void an_embedded_store_that_cannot_write_fails_every_write_and_loses_nothing_it_had() {
        String url = TestStores.newStoreUrl(Engine.SQLITE, "read-only");
        try (Store store = open(url)) {
            SeatInventory seats = new SeatInventory(store.dialect());
            createSeats(store, airline(3));
            store.write(c -> seats.hold(c, LEG, "before", "BEFORE", null));
            // The file turns read-only under the writer (as a disk remounted read-only): SQLite's query_only.
            assertThatThrownBy(() -> store.write(c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
                return seats.hold(c, LEG, "during", "DURING", null);
            })).as("the commit of the batch fails, and with it the unit").isInstanceOf(StoreFailure.class);
            assertThatThrownBy(() -> store.write(c -> seats.hold(c, LEG, "later", "LATER", null))).isInstanceOf(StoreFailure.class);
            assertThat(new SeatAvailability(store).counts().get(LEG)).as("reads still work").isEqualTo(new SeatInventory.Count(2, 1, 0));
        }
        try (Store store = open(url)) {
            SeatInventory seats = new SeatInventory(store.dialect());
            assertThat(new SeatAvailability(store).recount().get(LEG)).as("only what was acknowledged").isEqualTo(new SeatInventory.Count(2, 1, 0));
            OptionalInt next = store.write(c -> seats.hold(c, LEG, "after", "AFTER", null));
            assertThat(next).hasValue(2);
        }
    }

    @org.junit.jupiter.api.Test
    void an_embedded_store_refuses_a_second_process_or_instance() {
        String url = TestStores.newStoreUrl(Engine.SQLITE, "lock");
        try (Store store = open(url)) {
            assertThat(store.shared()).isFalse();
            assertThatThrownBy(() -> open(url)).isInstanceOf(StoreFailure.class).hasMessageContaining("in use by another process");
        }
    }

    private static void createSeats(Store store, passcom.core.route.Airline airline) {
        store.write(c -> {
            new SeatInventory(store.dialect()).createSeats(c, airline);
            return null;
        });
    }
}
