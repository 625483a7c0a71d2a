package passcom.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.route.plan.FreeSegmentPaths;

/**
 * An image applies deltas onto immutable states (docs/availability.md): a search holding an earlier state keeps
 * reading it unchanged, the new state has every count of the delta, and the plan is rebuilt only when a segment
 * gains or loses its last free seat.
 */
class AvailabilityImageTest {

    private static final Segment.Key CG = new Segment.Key("Cuiabá", "Goiânia");
    private static final Segment.Key GB = new Segment.Key("Goiânia", "Belo Horizonte");
    private static final Segment.Key BS = new Segment.Key("Belo Horizonte", "São Paulo");
    private static final Money PRICE = Money.of("120.00");

    private final AtomicInteger plans = new AtomicInteger();
    private final AvailabilityImage image = new AvailabilityImage("B", (price, free) -> {
        plans.incrementAndGet();
        return new FreeSegmentPaths("B", price, List.of(), free, 10);
    }, () -> 0L);

    @Test
    void when_a_delta_is_applied_then_the_new_state_has_its_counts_and_the_state_a_search_holds_is_unchanged() {
        image.apply(new FeedMessage.Snapshot("run", 0, PRICE, Map.of(CG, 3, GB, 1)));
        AvailabilityImage.State before = image.state();

        assertThat(image.apply(new FeedMessage.Delta("run", 1, Map.of(CG, 2)))).isTrue();

        assertThat(before.free()).isEqualTo(Map.of(CG, 3, GB, 1));
        assertThat(image.state().free()).isEqualTo(Map.of(CG, 2, GB, 1));
        assertThat(image.state().free().get(CG)).isEqualTo(2);
        assertThat(image.state().free().getOrDefault(BS, 0)).as("a segment it does not fly").isZero();
        assertThat(image.state().paths()).as("no segment crossed zero: the same plan").isSameAs(before.paths());
        assertThat(plans.get()).isEqualTo(1);
    }

    @Test
    void when_a_delta_takes_a_last_seat_or_names_a_new_segment_then_the_plan_follows() {
        image.apply(new FeedMessage.Snapshot("run", 0, PRICE, Map.of(CG, 3, GB, 1)));

        image.apply(new FeedMessage.Delta("run", 1, Map.of(GB, 0)));
        assertThat(image.state().paths().free()).containsExactly(CG);

        image.apply(new FeedMessage.Delta("run", 2, Map.of(BS, 4)));
        assertThat(image.state().free()).isEqualTo(Map.of(CG, 3, GB, 0, BS, 4));
        assertThat(image.state().paths().free()).containsExactlyInAnyOrder(CG, BS);
    }

    @Test
    void when_a_delta_skips_a_version_then_nothing_is_applied() {
        image.apply(new FeedMessage.Snapshot("run", 0, PRICE, Map.of(CG, 3)));

        assertThat(image.apply(new FeedMessage.Delta("run", 2, Map.of(CG, 0)))).isFalse();
        assertThat(image.state().free()).isEqualTo(Map.of(CG, 3));
    }
}
