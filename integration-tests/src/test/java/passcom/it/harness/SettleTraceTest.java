package passcom.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.store.Store;
import passcom.core.store.TestStores;
import passcom.core.store.TestStores.Engine;

/**
 * The fault harness's settle trace reads an airline's store on either engine: a short-postgres run once
 * reported A, on PostgreSQL, as "not readable" because the trace opened every store as a SQLite file.
 */
class SettleTraceTest {

    private static final Segment.Key LEG = new Segment.Key("Cuiabá", "Goiânia");

    static List<Engine> engines() {
        return TestStores.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void when_a_running_airline_s_store_holds_seats_then_the_trace_counts_them_on_either_engine(Engine engine) {
        String url = TestStores.newStoreUrl(engine, "settle_trace");
        try (Store store = Store.open(url, Duration.ofSeconds(15))) {
            SeatInventory seats = new SeatInventory(store.dialect());
            store.write(c -> {
                seats.createSeats(c, new Airline("A", Money.ofCents(11_500), new TreeMap<>(Map.of(LEG, 5))));
                return null;
            });
            store.write(c -> seats.hold(c, LEG, "t1", "ABCDEF", "52998224725"));
            store.write(c -> seats.hold(c, LEG, "t2", "GHIJKL", "11144477735"));

            SettleTrace trace = new SettleTrace(List.of("A"), airline -> url);
            trace.sample(true);

            assertThat(trace.lines()).singleElement().asString()
                    .endsWith(" A held 2 prepared 0 undecided 0 undelivered 0;");
        }
    }
}
