package passcom.client.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.api.CidadeRede;
import passcom.api.CompanhiaRede;
import passcom.api.Rede;
import passcom.api.TrechoRede;
import passcom.client.fake.FakeNetwork;

class MapDataTest {

    private static final NetworkMap DEFAULT = NetworkMap.of(FakeNetwork.defaultRede());

    @Test
    void when_the_server_describes_the_default_network_then_the_map_has_ten_cities_fifteen_segments_and_three_airlines() {
        assertThat(DEFAULT.cities()).hasSize(10).containsKeys("Cuiabá", "Porto Alegre", "Vitória");
        assertThat(DEFAULT.at("Cuiabá")).isEqualTo(new GeoPoint(-15.6, -56.1));
        assertThat(DEFAULT.segments()).as("both directions of a segment are one line").hasSize(15)
                .contains(new NetworkMap.Segment("Cuiabá", "Goiânia", 890));
        assertThat(DEFAULT.airlines()).containsExactly("A", "B", "C");
    }

    @Test
    void when_another_network_is_served_then_the_map_shows_its_cities_not_the_default_ones() {
        Rede other = new Rede(
                List.of(new CidadeRede("Recife", -8.05, -34.9), new CidadeRede("Natal", -5.79, -35.21)),
                List.of(new TrechoRede("Recife", "Natal", 250, List.of("X")), new TrechoRede("Recife", "Manaus", 2800, List.of("X"))),
                List.of(new CompanhiaRede("X", new BigDecimal("99.00"))));

        NetworkMap map = NetworkMap.of(other);

        assertThat(map.cities()).containsOnlyKeys("Recife", "Natal");
        assertThat(map.segments()).as("a segment naming a city the answer lacks is left out").containsExactly(new NetworkMap.Segment("Recife", "Natal", 250));
        assertThat(map.airlines()).containsExactly("X");
    }

    @Test
    void when_city_names_are_sorted_then_accents_do_not_push_them_to_the_end() {
        assertThat(DEFAULT.cityNames())
                .containsSubsequence("Belo Horizonte", "Campo Grande", "Cuiabá", "Curitiba", "Florianópolis", "Goiânia");
    }

    @Test
    void when_cities_are_ranked_for_labels_then_the_best_connected_come_first() {
        List<String> ranked = DEFAULT.byProminence();

        assertThat(ranked).hasSize(10);
        assertThat(DEFAULT.segments().stream().filter(s -> s.from().equals(ranked.get(0)) || s.to().equals(ranked.get(0))).count())
                .isGreaterThanOrEqualTo(DEFAULT.segments().stream().filter(s -> s.from().equals(ranked.get(9)) || s.to().equals(ranked.get(9))).count());
    }

    @Test
    void when_the_land_is_read_then_brazil_and_its_neighbours_are_there_and_every_city_lies_in_brazil() {
        LandOutline land = LandOutline.loadDefault();
        GeoBounds brazil = GeoBounds.of(land.brazil().rings().stream().flatMap(List::stream).toList());

        assertThat(land.countries()).extracting(LandOutline.Country::name)
                .contains("Brazil", "Paraguay", "Bolivia", "Argentina", "Uruguay", "Peru", "Colombia", "Venezuela", "Chile");
        assertThat(brazil.south()).isBetween(-34.0, -33.0);
        assertThat(brazil.north()).isBetween(4.0, 6.0);
        assertThat(DEFAULT.cities().values()).allSatisfy(city -> {
            assertThat(city.lat()).isBetween(brazil.south(), brazil.north());
            assertThat(city.lon()).isBetween(brazil.west(), brazil.east());
        });
    }

    @Test
    void when_airlines_are_coloured_then_a_b_and_c_differ_and_a_colour_is_stable() {
        assertThat(AirlineColors.of("A")).isNotEqualTo(AirlineColors.of("B")).isNotEqualTo(AirlineColors.of("C"));
        assertThat(AirlineColors.of("B")).isNotEqualTo(AirlineColors.of("C"));
        assertThat(AirlineColors.of("GOL")).isEqualTo(AirlineColors.of("GOL"));
    }
}
