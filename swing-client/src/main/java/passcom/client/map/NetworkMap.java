package passcom.client.map;

import com.fasterxml.jackson.databind.JsonNode;
import passcom.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the map draws of the route network: cities at their coordinates, the segments between them (one
 * line per city pair, whichever way it is flown) and the airline ids. The client endpoints return no
 * coordinates, so the client reads the same {@code data/network.json} the servers load (format in
 * data/README.md), copied onto its classpath at build time.
 */
public record NetworkMap(Map<String, GeoPoint> cities, List<Segment> segments, List<String> airlines) {

    public static final String RESOURCE = "/passcom/client/network.json";

    /** An undirected city pair and its distance. */
    public record Segment(String from, String to, int km) {
    }

    public NetworkMap {
        cities = Collections.unmodifiableMap(new LinkedHashMap<>(cities));
        segments = List.copyOf(segments);
        airlines = List.copyOf(airlines);
    }

    public static NetworkMap loadDefault() {
        try (InputStream in = NetworkMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; build the swing-client module with Maven");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NetworkMap read(InputStream in) throws IOException {
        JsonNode root = Json.mapper().readTree(in);
        Map<String, GeoPoint> cities = new LinkedHashMap<>();
        for (JsonNode city : root.path("cities")) {
            cities.put(city.path("name").asText(), new GeoPoint(city.path("lat").asDouble(), city.path("lon").asDouble()));
        }
        List<Segment> segments = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (JsonNode segment : root.path("segments")) {
            String from = segment.path("from").asText();
            String to = segment.path("to").asText();
            if (!cities.containsKey(from) || !cities.containsKey(to)) {
                throw new IOException("segment " + from + " → " + to + " names an unknown city");
            }
            if (seen.add(Set.of(from, to))) {
                segments.add(new Segment(from, to, segment.path("km").asInt()));
            }
        }
        List<String> airlines = new ArrayList<>();
        root.path("airlines").forEach(airline -> airlines.add(airline.path("id").asText()));
        return new NetworkMap(cities, segments, airlines);
    }

    public GeoPoint at(String city) {
        return cities.get(city);
    }

    /** City names sorted the Brazilian way (accents ignored). */
    public List<String> cityNames() {
        List<String> names = new ArrayList<>(cities.keySet());
        Collator collator = Collator.getInstance(Locale.forLanguageTag("pt-BR"));
        names.sort(collator);
        return names;
    }
}
