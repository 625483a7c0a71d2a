package passcom.core.seat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.availability.AvailabilityImage;
import passcom.core.availability.AvailabilityPublisher;
import passcom.core.availability.FeedMessage;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.Segment;
import passcom.core.route.plan.FreeSegmentPaths;
import passcom.core.store.Store;
import passcom.core.store.TestStores;

/**
 * Only a committed count reaches the feed (docs/availability.md, "Publishing a change"): a unit of work that moved
 * seats and then failed is rolled back and reports nothing, so the next delta is the next committed count. The
 * feed's clock never moves, so no full read runs after the first: every delta comes from a report.
 */
class SeatChangesTest {

    private static final Segment.Key SP_CWB = new Segment.Key("São Paulo", "Curitiba");
    private static final Airline B = NetworkLoader.loadDefault().airline("B").orElseThrow();

    private Store store;
    private AvailabilityPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static List<TestStores.Engine> engines() {
        return TestStores.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void when_a_unit_that_moved_seats_rolls_back_then_no_count_of_it_is_published(TestStores.Engine engine) throws Exception {
        SeatChanges changes = new SeatChanges();
        store = changes.tracking(Store.open(TestStores.newStoreUrl(engine, "rollback"), Duration.ofSeconds(5)));
        SeatInventory seats = new SeatInventory(store.dialect(), changes);
        store.write(c -> {
            seats.createSeats(c, B);
            return null;
        });
        long frozen = 0;
        AvailabilityImage own = new AvailabilityImage("B", (price, free) -> new FreeSegmentPaths("B", price, List.of(), free, 10),
                () -> frozen);
        publisher = new AvailabilityPublisher("B", B.pricePer100Km(), new SeatAvailability(store)::freeSeats, own, () -> frozen);
        changes.listen(publisher::changed);
        publisher.start();
        AvailabilityPublisher.Subscription feed = publisher.subscribe();
        FeedMessage.Snapshot snapshot = (FeedMessage.Snapshot) feed.next(Duration.ofSeconds(5));
        int free = snapshot.free().get(SP_CWB);

        assertThatThrownBy(() -> store.write(c -> {
            seats.hold(c, SP_CWB, "txn-failed", "FAILED", "52998224725");
            seats.hold(c, SP_CWB, "txn-failed", "FAILED", "11144477735"); // two seats: its count would differ from the next unit's
            throw new IllegalStateException("the unit fails after its holds");
        })).hasMessageContaining("the unit fails");
        store.write(c -> seats.hold(c, SP_CWB, "txn-kept", "KEPT01", "52998224725"));

        assertThat(nextDelta(feed)).as("the committed hold only: one seat less, the next version")
                .isEqualTo(new FeedMessage.Delta(snapshot.base(), snapshot.version() + 1, Map.of(SP_CWB, free - 1)));
        assertThat(new SeatAvailability(store).counts().get(SP_CWB).free()).isEqualTo(free - 1);
    }

    private static FeedMessage.Delta nextDelta(AvailabilityPublisher.Subscription feed) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            FeedMessage message = feed.next(Duration.ofSeconds(1));
            if (message instanceof FeedMessage.Delta delta) {
                return delta;
            }
            assertThat(message).as("nothing but heartbeats between changes").isInstanceOf(FeedMessage.Heartbeat.class);
        }
        throw new AssertionError("no change published within 20 s");
    }
}
