package passcom.client.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MapDataTest {

    @Test
    void when_the_default_network_is_read_then_it_has_the_ten_cities_fifteen_segments_and_three_airlines() {
        NetworkMap network = NetworkMap.loadDefault();

        assertThat(network.cities()).hasSize(10).containsKeys("Cuiabá", "Porto Alegre", "Vitória");
        assertThat(network.at("Cuiabá")).isEqualTo(new GeoPoint(-15.6, -56.1));
        assertThat(network.segments()).hasSize(15).contains(new NetworkMap.Segment("Cuiabá", "Goiânia", 890));
        assertThat(network.airlines()).containsExactly("A", "B", "C");
    }

    @Test
    void when_city_names_are_sorted_then_accents_do_not_push_them_to_the_end() {
        assertThat(NetworkMap.loadDefault().cityNames())
                .containsSubsequence("Belo Horizonte", "Campo Grande", "Cuiabá", "Curitiba", "Florianópolis", "Goiânia");
    }

    @Test
    void when_a_segment_names_an_unknown_city_then_reading_fails_naming_it() {
        String json = """
                {"cities":[{"name":"X","lat":-10,"lon":-50}],"segments":[{"from":"X","to":"Recife","km":5}],"airlines":[]}
                """;
        assertThatThrownBy(() -> NetworkMap.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("Recife");
    }

    @Test
    void when_the_outline_is_read_then_every_city_lies_inside_its_bounds() {
        BrazilOutline outline = BrazilOutline.loadDefault();
        GeoBounds brazil = GeoBounds.of(outline.allPoints());

        assertThat(outline.rings()).isNotEmpty();
        assertThat(brazil.south()).isBetween(-34.0, -33.0);
        assertThat(brazil.north()).isBetween(4.0, 6.0);
        assertThat(NetworkMap.loadDefault().cities().values()).allSatisfy(city -> {
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
