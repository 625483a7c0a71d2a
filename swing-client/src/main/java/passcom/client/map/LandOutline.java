package passcom.client.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import passcom.api.Json;

/**
 * The land under the map: South America's countries as closed rings of positions, from Natural Earth 1:50m
 * Admin 0 Countries (public domain), simplified, read from the GeoJSON copied onto the classpath from
 * {@code data/south-america.geojson}. Brazil, where the network lives, is drawn emphasised; its neighbours
 * are land too, so that the sea is only where the sea is. Holes are not drawn: at this scale a country is one fill.
 */
public record LandOutline(List<Country> countries) {

    public static final String RESOURCE = "/passcom/client/south-america.geojson";
    public static final String BRAZIL = "Brazil";

    /** One country's outer rings, under its Natural Earth name. */
    public record Country(String name, List<List<GeoPoint>> rings) {
        public Country {
            rings = rings.stream().map(List::copyOf).toList();
        }

        public boolean isBrazil() {
            return BRAZIL.equals(name);
        }
    }

    public LandOutline {
        countries = List.copyOf(countries);
    }

    public static LandOutline loadDefault() {
        try (InputStream in = LandOutline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; build the swing-client module with Maven");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every Feature of a FeatureCollection: its {@code name} and the outer ring of each (Multi)Polygon. */
    public static LandOutline read(InputStream in) throws IOException {
        List<Country> countries = new ArrayList<>();
        for (JsonNode feature : Json.mapper().readTree(in).path("features")) {
            List<List<GeoPoint>> rings = new ArrayList<>();
            collect(feature.path("geometry"), rings);
            if (!rings.isEmpty()) {
                countries.add(new Country(feature.path("properties").path("name").asText(), rings));
            }
        }
        if (countries.isEmpty()) {
            throw new IOException("no polygon in the outline");
        }
        return new LandOutline(countries);
    }

    private static void collect(JsonNode geometry, List<List<GeoPoint>> rings) {
        switch (geometry.path("type").asText()) {
            case "Polygon" -> rings.add(ring(geometry.path("coordinates").path(0)));
            case "MultiPolygon" -> geometry.path("coordinates").forEach(polygon -> rings.add(ring(polygon.path(0))));
            default -> { }
        }
    }

    /** GeoJSON positions are [longitude, latitude] (RFC 7946, section 3.1.1). */
    private static List<GeoPoint> ring(JsonNode positions) {
        List<GeoPoint> ring = new ArrayList<>();
        positions.forEach(position -> ring.add(new GeoPoint(position.path(1).asDouble(), position.path(0).asDouble())));
        return ring;
    }

    /** Brazil's rings, or none if the file has no Brazil. */
    public Country brazil() {
        return countries.stream().filter(Country::isBrazil).findFirst().orElse(new Country(BRAZIL, List.of()));
    }
}
