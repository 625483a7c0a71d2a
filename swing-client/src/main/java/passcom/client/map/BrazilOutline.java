package passcom.client.map;

import com.fasterxml.jackson.databind.JsonNode;
import passcom.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outline of Brazil as closed rings of positions: Natural Earth 1:50m Admin 0 Countries (public
 * domain), simplified, read from the GeoJSON copied onto the classpath from {@code data/}. Holes are not
 * drawn: at this scale the land is one fill.
 */
public record BrazilOutline(List<List<GeoPoint>> rings) {

    public static final String RESOURCE = "/passcom/client/brazil-outline.geojson";

    public BrazilOutline {
        rings = rings.stream().map(List::copyOf).toList();
    }

    public static BrazilOutline loadDefault() {
        try (InputStream in = BrazilOutline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; build the swing-client module with Maven");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the outer ring of every Polygon and MultiPolygon in a FeatureCollection, Feature or bare geometry. */
    public static BrazilOutline read(InputStream in) throws IOException {
        List<List<GeoPoint>> rings = new ArrayList<>();
        collect(Json.mapper().readTree(in), rings);
        if (rings.isEmpty()) {
            throw new IOException("no polygon in the outline");
        }
        return new BrazilOutline(rings);
    }

    private static void collect(JsonNode node, List<List<GeoPoint>> rings) {
        switch (node.path("type").asText()) {
            case "FeatureCollection" -> node.path("features").forEach(feature -> collect(feature, rings));
            case "Feature" -> collect(node.path("geometry"), rings);
            case "Polygon" -> rings.add(ring(node.path("coordinates").path(0)));
            case "MultiPolygon" -> node.path("coordinates").forEach(polygon -> rings.add(ring(polygon.path(0))));
            default -> { }
        }
    }

    /** GeoJSON positions are [longitude, latitude] (RFC 7946, section 3.1.1). */
    private static List<GeoPoint> ring(JsonNode positions) {
        List<GeoPoint> ring = new ArrayList<>();
        positions.forEach(position -> ring.add(new GeoPoint(position.path(1).asDouble(), position.path(0).asDouble())));
        return ring;
    }

    public List<GeoPoint> allPoints() {
        return rings.stream().flatMap(List::stream).toList();
    }
}
