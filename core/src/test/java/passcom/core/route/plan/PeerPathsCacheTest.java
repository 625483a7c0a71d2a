package passcom.core.route.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;

class PeerPathsCacheTest {

    private static final Duration CHECK_AFTER = Duration.ofMillis(50);
    private static final Duration VALID_FOR = Duration.ofMillis(200);
    private static final AirlinePaths OLD = new AirlinePaths("B", Money.of("135"), List.of(List.of("X", "Y")));
    private static final AirlinePaths NEW = new AirlinePaths("B", Money.of("135"), List.of(List.of("X", "Z", "Y")));

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final PeerPathsCache cache = new PeerPathsCache(now::get, CHECK_AFTER, VALID_FOR);

    @Test
    void when_nothing_was_answered_then_nothing_is_served_and_no_check_is_asked_for() {
        assertThat(cache.lookup("X", "Y")).isNull();
        assertThat(cache.shouldCheck()).isFalse();
    }

    @Test
    void when_the_peer_answered_then_its_answer_is_served_until_its_version_is_too_old_to_trust() {
        cache.answered("X", "Y", new VersionedPaths(7, OLD));

        assertThat(cache.lookup("X", "Y")).isEqualTo(OLD);
        assertThat(cache.lookup("X", "Z")).as("another trip").isNull();
        advance(VALID_FOR);
        assertThat(cache.lookup("X", "Y")).isNull();
    }

    @Test
    void when_a_check_finds_the_same_version_then_the_answer_keeps_being_served() {
        cache.answered("X", "Y", new VersionedPaths(7, OLD));
        advance(CHECK_AFTER);

        assertThat(cache.shouldCheck()).isTrue();
        assertThat(cache.shouldCheck()).as("one check in flight at a time").isFalse();
        advance(VALID_FOR.minus(CHECK_AFTER).minusMillis(1));
        cache.checked(7);
        advance(VALID_FOR.minusMillis(1));

        assertThat(cache.lookup("X", "Y")).isEqualTo(OLD);
    }

    @Test
    void when_a_check_finds_a_new_version_then_answers_of_the_old_one_are_no_longer_served() {
        cache.answered("X", "Y", new VersionedPaths(7, OLD));
        advance(CHECK_AFTER);
        assertThat(cache.shouldCheck()).isTrue();

        cache.checked(8);

        assertThat(cache.lookup("X", "Y")).isNull();
        cache.answered("X", "Y", new VersionedPaths(8, NEW));
        assertThat(cache.lookup("X", "Y")).isEqualTo(NEW);
    }

    @Test
    void when_a_check_fails_then_nothing_is_served_until_the_peer_answers_again() {
        cache.answered("X", "Y", new VersionedPaths(7, OLD));
        advance(CHECK_AFTER);
        assertThat(cache.shouldCheck()).isTrue();

        cache.checkFailed();

        assertThat(cache.lookup("X", "Y")).isNull();
        assertThat(cache.shouldCheck()).isFalse();
        cache.answered("X", "Y", new VersionedPaths(7, OLD));
        assertThat(cache.lookup("X", "Y")).isEqualTo(OLD);
    }

    @Test
    void when_a_late_answer_carries_an_older_version_then_it_does_not_bring_the_old_version_back() {
        cache.answered("X", "Z", new VersionedPaths(8, NEW));
        cache.answered("X", "Y", new VersionedPaths(7, OLD));

        assertThat(cache.lookup("X", "Y")).as("computed before the peer's seats changed").isNull();
        assertThat(cache.lookup("X", "Z")).isEqualTo(NEW);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
