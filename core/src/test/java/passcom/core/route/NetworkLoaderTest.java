package passcom.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import passcom.core.money.Money;

class NetworkLoaderTest {

    private static final String CITIES = """
            "cities": [ {"name": "Natal", "lat": -5.79, "lon": -35.21},
                        {"name": "Recife", "lat": -8.05, "lon": -34.88} ]""";
    private static final String SEGMENTS = """
            "segments": [ {"from": "Natal", "to": "Recife", "km": 280} ]""";
    private static final String AIRLINES = """
            "airlines": [ {"id": "A", "pricePer100Km": 115, "defaultSeats": 3} ]""";

    @Test
    void when_loading_the_default_network_then_it_has_the_original_cities_segments_and_airlines() {
        RouteNetwork network = NetworkLoader.loadDefault();

        assertThat(network.cities()).hasSize(10);
        assertThat(network.segments()).hasSize(30);
        assertThat(network.segment("Cuiabá", "Goiânia")).map(Segment::km).contains(890);
        assertThat(network.segment("Porto Alegre", "Florianópolis")).map(Segment::km).contains(460);
        assertThat(network.airlines()).extracting(Airline::id).containsExactly("A", "B", "C");
        assertThat(network.airlines()).extracting(Airline::pricePer100Km)
                .containsExactly(Money.of("115"), Money.of("135"), Money.of("155"));
        for (Airline airline : network.airlines()) {
            assertThat(airline.capacity()).hasSize(30);
            assertThat(airline.capacity().values()).containsOnly(3);
        }
    }

    @Test
    void when_a_file_is_valid_then_segments_go_both_ways_and_seats_override_the_default() {
        RouteNetwork network = parse(CITIES, SEGMENTS, """
                "airlines": [ {"id": "A", "pricePer100Km": 115.5, "defaultSeats": 3,
                               "flies": [ {"from": "Natal", "to": "Recife"} ],
                               "seats": [ {"from": "Natal", "to": "Recife", "seats": 7} ]} ]""");

        assertThat(network.segment("Recife", "Natal")).map(Segment::km).contains(280);
        Airline a = network.airline("A").orElseThrow();
        assertThat(a.capacity()).isEqualTo(Map.of(new Segment.Key("Natal", "Recife"), 7));
        assertThat(a.pricePer100Km()).isEqualTo(Money.of("115.50"));
    }

    @Test
    void when_a_segment_names_an_unknown_city_then_the_error_names_the_segment() {
        assertInvalid(load(CITIES, """
                "segments": [ {"from": "Natal", "to": "Recife", "km": 280},
                              {"from": "Natal", "to": "Recif", "km": 285} ]""", AIRLINES),
                "segments[1]", "unknown city 'Recif'");
    }

    @Test
    void when_a_segment_is_listed_twice_then_the_error_names_the_second_entry() {
        assertInvalid(load(CITIES, """
                "segments": [ {"from": "Natal", "to": "Recife", "km": 280},
                              {"from": "Recife", "to": "Natal", "km": 280} ]""", AIRLINES),
                "segments[1]", "duplicate segment Recife → Natal");
    }

    @Test
    void when_a_city_is_listed_twice_then_the_error_names_it() {
        assertInvalid(load("""
                "cities": [ {"name": "Natal", "lat": -5.79, "lon": -35.21},
                            {"name": "Natal", "lat": -5.79, "lon": -35.21} ]""", "\"segments\": []", AIRLINES),
                "cities[1] 'Natal'", "duplicate city");
    }

    @Test
    void when_a_distance_is_not_positive_then_the_error_names_the_segment() {
        assertInvalid(load(CITIES, """
                "segments": [ {"from": "Natal", "to": "Recife", "km": 0} ]""", AIRLINES),
                "segments[0] Natal → Recife", "km must be a positive whole number");
        assertInvalid(load(CITIES, """
                "segments": [ {"from": "Natal", "to": "Recife", "km": -280} ]""", AIRLINES),
                "segments[0] Natal → Recife", "km must be a positive whole number");
    }

    @Test
    void when_a_seat_count_is_not_positive_then_the_error_names_the_airline_entry() {
        assertInvalid(load(CITIES, SEGMENTS, """
                "airlines": [ {"id": "A", "pricePer100Km": 115, "defaultSeats": 0} ]"""),
                "airlines[0] 'A'", "'defaultSeats' must be a positive whole number");
        assertInvalid(load(CITIES, SEGMENTS, """
                "airlines": [ {"id": "A", "pricePer100Km": 115, "defaultSeats": 3,
                               "seats": [ {"from": "Natal", "to": "Recife", "seats": -1} ]} ]"""),
                "airlines[0] 'A'.seats[0]", "'seats' must be a positive whole number");
    }

    @Test
    void when_a_coordinate_is_missing_then_the_error_names_the_city() {
        assertInvalid(load("""
                "cities": [ {"name": "Natal", "lat": -5.79, "lon": -35.21},
                            {"name": "Recife", "lat": -8.05} ]""", SEGMENTS, AIRLINES),
                "cities[1] 'Recife'", "'lon'");
    }

    @Test
    void when_an_airline_flies_or_seats_a_segment_the_network_lacks_then_the_error_names_the_entry() {
        String cities = """
                "cities": [ {"name": "Natal", "lat": -5.79, "lon": -35.21},
                            {"name": "Recife", "lat": -8.05, "lon": -34.88},
                            {"name": "Maceió", "lat": -9.67, "lon": -35.74} ]""";
        assertInvalid(load(cities, SEGMENTS, """
                "airlines": [ {"id": "A", "pricePer100Km": 115, "defaultSeats": 3,
                               "flies": [ {"from": "Natal", "to": "Maceió"} ]} ]"""),
                "airlines[0] 'A'.flies[0]", "no segment Natal → Maceió");
        assertInvalid(load(cities, SEGMENTS, """
                "airlines": [ {"id": "A", "pricePer100Km": 115, "defaultSeats": 3,
                               "flies": [ {"from": "Natal", "to": "Recife"} ],
                               "seats": [ {"from": "Recife", "to": "Natal", "seats": 2} ]} ]"""),
                "airlines[0] 'A'.seats[0]", "does not fly Recife → Natal");
        assertInvalid(load(cities, SEGMENTS, """
                "airlines": [ {"id": "A", "pricePer100Km": 115, "defaultSeats": 3,
                               "seats": [ {"from": "Natal", "to": "Fortaleza", "seats": 2} ]} ]"""),
                "airlines[0] 'A'.seats[0]", "unknown city 'Fortaleza'");
    }

    @Test
    void when_the_file_is_not_json_then_the_error_says_so() {
        assertThatThrownBy(() -> NetworkLoader.load(stream("{\"cities\": [")))
                .isInstanceOf(InvalidNetwork.class)
                .hasMessageStartingWith("not valid JSON");
    }

    private static Runnable load(String cities, String segments, String airlines) {
        return () -> parse(cities, segments, airlines);
    }

    private static RouteNetwork parse(String cities, String segments, String airlines) {
        return NetworkLoader.load(stream("{" + cities + ",\n" + segments + ",\n" + airlines + "}"));
    }

    private static void assertInvalid(Runnable loading, String entry, String problem) {
        assertThatThrownBy(loading::run)
                .isInstanceOf(InvalidNetwork.class)
                .hasMessageStartingWith(entry)
                .hasMessageContaining(problem);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
