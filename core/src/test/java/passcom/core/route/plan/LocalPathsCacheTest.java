package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;
import passcom.core.route.Segment;

class LocalPathsCacheTest {

    private static final Segment AB = new Segment("A", "B", 100);
    private static final Segment BC = new Segment("B", "C", 100);
    private static final Segment AC = new Segment("A", "C", 300);
    private static final long MAX_AGE = LocalPathsCache.MIN_AGE.toNanos();

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Set<Segment.Key> free = new HashSet<>(Set.of(AB.key(), BC.key(), AC.key()));
    private final AtomicInteger reads = new AtomicInteger();
    private final LocalPathsCache cache = new LocalPathsCache("X", Money.of("100"), List.of(AB, BC, AC), () -> {
        reads.incrementAndGet();
        return Set.copyOf(free);
    }, now::get, 10, 42);

    @Test
    void when_asked_twice_within_the_maximum_age_then_the_seats_are_read_once_and_the_answer_is_the_same() {
        VersionedPaths first = cache.paths("A", "C");
        VersionedPaths second = cache.paths("A", "C");

        assertThat(first.version()).isEqualTo(42);
        assertThat(first.paths().paths()).containsExactly(List.of("A", "B", "C"), List.of("A", "C"));
        assertThat(second).isEqualTo(first);
        assertThat(reads).hasValue(1);
    }

    @Test
    void when_seats_sell_but_every_segment_keeps_a_free_seat_then_the_version_stays() {
        long before = cache.paths("A", "C").version();
        now.addAndGet(MAX_AGE);

        assertThat(cache.version()).isEqualTo(before);
        assertThat(reads).hasValue(2);
    }

    @Test
    void when_a_segment_sells_out_then_after_the_maximum_age_the_version_moves_and_answers_avoid_it() {
        cache.paths("A", "C");
        free.remove(AB.key());

        assertThat(cache.paths("A", "C").paths().paths()).as("within the maximum age: the last reading").hasSize(2);
        now.addAndGet(MAX_AGE);
        VersionedPaths after = cache.paths("A", "C");

        assertThat(after.version()).isEqualTo(43);
        assertThat(after.paths().paths()).containsExactly(List.of("A", "C"));
    }

    @Test
    void when_a_sold_out_segment_gets_a_seat_back_then_it_is_offered_again_under_a_new_version() {
        free.remove(AB.key());
        assertThat(cache.paths("A", "C").paths().paths()).containsExactly(List.of("A", "C"));
        free.add(AB.key());
        now.addAndGet(MAX_AGE);

        VersionedPaths after = cache.paths("A", "C");
        assertThat(after.version()).isEqualTo(43);
        assertThat(after.paths().paths()).containsExactly(List.of("A", "B", "C"), List.of("A", "C"));
    }

    @Test
    void when_threads_ask_at_once_then_every_answer_is_of_one_reading() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        Set<Long> versions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int n = 0; n < 200; n++) {
                    versions.add(cache.paths("A", "C").version());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(versions).containsExactly(42L);
        assertThat(reads).hasValue(1);
    }
}
