package passcom.core.route.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

class NewAirlinesTest {

    private static final RouteNetwork DEFAULT = NetworkLoader.loadDefault();

    @Test
    void when_six_airlines_fly_the_default_network_then_d_e_f_fly_what_a_flies_at_the_ladder_prices() {
        RouteNetwork six = NewAirlines.addTo(DEFAULT, List.of("A", "B", "C", "D", "E", "F"));

        assertThat(six.airlines()).extracting(Airline::id).containsExactly("A", "B", "C", "D", "E", "F");
        Airline a = six.airline("A").orElseThrow();
        assertThat(six.airline("D").orElseThrow().pricePer100Km()).isEqualTo(Money.of("175.00"));
        assertThat(six.airline("E").orElseThrow().pricePer100Km()).isEqualTo(Money.of("195.00"));
        assertThat(six.airline("F").orElseThrow().pricePer100Km()).isEqualTo(Money.of("215.00"));
        for (String id : List.of("D", "E", "F")) {
            assertThat(six.airline(id).orElseThrow().capacity()).isEqualTo(a.capacity());
        }
    }

    @Test
    void when_the_file_lists_an_airline_then_it_keeps_its_own_price_and_seats() {
        Segment.Key first = DEFAULT.segments().iterator().next().key();
        RouteNetwork network = DEFAULT.withAirline(new Airline("D", Money.of("99.90"), new java.util.TreeMap<>(java.util.Map.of(first, 7))));

        RouteNetwork result = NewAirlines.addTo(network, List.of("A", "B", "C", "D", "E"));

        assertThat(result.airline("D").orElseThrow().pricePer100Km()).isEqualTo(Money.of("99.90"));
        assertThat(result.airline("D").orElseThrow().capacity()).containsOnlyKeys(first);
        assertThat(result.airline("B")).isEqualTo(DEFAULT.airline("B"));
        assertThat(result.airline("E").orElseThrow().pricePer100Km()).isEqualTo(PriceLadder.priceOf(4));
    }

    @Test
    void when_an_airline_is_listed_twice_then_it_is_refused_by_name() {
        assertThatThrownBy(() -> NewAirlines.addTo(DEFAULT, List.of("A", "D", "D")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("airline D is listed twice");
    }

    @Test
    void when_an_id_is_not_a_valid_airline_id_then_the_error_names_it() {
        assertThatThrownBy(() -> NewAirlines.addTo(DEFAULT, List.of("A", "D E")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'D E'");
    }

    @Test
    void when_the_generator_and_the_added_airlines_price_d_then_they_agree() {
        RouteNetwork generated = NetworkGenerator.generate(1, 20, 3, 4);

        assertThat(generated.airline("D").orElseThrow().pricePer100Km())
                .isEqualTo(NewAirlines.addTo(DEFAULT, List.of("A", "B", "C", "D")).airline("D").orElseThrow().pricePer100Km());
    }

    @Test
    void when_written_for_a_federation_then_every_server_loads_the_same_airlines(@TempDir Path dir) {
        Path out = dir.resolve("network.json");

        String said = AddAirlines.run(new String[] {"--airlines", "A,B,C,D", "--out", out.toString()});

        assertThat(said).contains("D at R$ 175.00");
        RouteNetwork loaded = NetworkLoader.load(out);
        assertThat(loaded.airlines()).extracting(Airline::id).containsExactly("A", "B", "C", "D");
        assertThat(List.copyOf(loaded.segments())).isEqualTo(List.copyOf(DEFAULT.segments()));
        assertThat(loaded.airline("C")).isEqualTo(DEFAULT.airline("C"));
    }
}
