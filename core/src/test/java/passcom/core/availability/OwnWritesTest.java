package passcom.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import passcom.core.route.Segment;

/** Read-your-writes bounds: what a search sees after this server's own sales, and that the bounds do not pile up. */
class OwnWritesTest {

    private static final Segment.Key LEG = new Segment.Key("Cuiabá", "Goiânia");
    private final AtomicLong nanos = new AtomicLong();
    private final OwnWrites writes = new OwnWrites(nanos::get);

    @Test
    void when_this_server_sells_the_last_seat_then_searches_see_the_segment_full_until_the_image_catches_up() {
        writes.sold("B", LEG, 1, 1);

        assertThat(writes.overrides("B", Map.of(LEG, 1))).containsExactly(Map.entry(LEG, 0));
        assertThat(writes.overrides("A", Map.of(LEG, 1))).isEmpty();
        assertThat(writes.overrides("B", Map.of(LEG, 0))).as("the feed caught up").isEmpty();
        assertThat(writes.overrides("B", Map.of(LEG, 1))).as("the bound is spent").isEmpty();
    }

    @Test
    void when_a_sale_leaves_seats_free_then_no_search_changes_and_nothing_is_kept() {
        writes.sold("B", LEG, 5, 2);

        assertThat(writes.overrides("B", Map.of(LEG, 5))).isEmpty();
        assertThat(writes.size()).isZero();
    }

    @Test
    void when_sales_go_on_without_any_search_then_the_bounds_do_not_pile_up() {
        for (int i = 0; i < 10_000; i++) {
            writes.sold("B", new Segment.Key("Cuiabá", "Cidade " + (i % 50)), 1, 1);
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
        }

        assertThat(writes.size()).as("only the last %s of sales", OwnWrites.LIFETIME).isLessThanOrEqualTo((int) OwnWrites.LIFETIME.toMillis() + 1);
    }
}
