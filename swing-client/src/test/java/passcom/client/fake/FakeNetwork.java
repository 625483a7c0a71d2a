package passcom.client.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passcom.api.CidadeRede;
import passcom.api.CompanhiaRede;
import passcom.api.Json;
import passcom.api.Rede;
import passcom.api.TrechoRede;

/**
 * The network a {@link FakeAirlineServer} plays: read from a network file in the servers' format
 * (data/README.md), by default the very data/network.json the servers load (copied onto the test
 * classpath). Each city pair is flown by one fixed airline, so that itineraries mix airlines as the
 * federation's do. Only what the fake needs: cities, undirected segments with km, and who flies each.
 */
public final class FakeNetwork {

    static final String DEFAULT_RESOURCE = "/passcom/client/fake/network.json";
    private static final List<String> AIRLINES = List.of("A", "B", "C");
    private static final Map<String, BigDecimal> RATES =
            Map.of("A", new BigDecimal("115"), "B", new BigDecimal("135"), "C", new BigDecimal("155"));

    record Segment(String from, String to, int km) {
    }

    final Map<String, CidadeRede> cities = new LinkedHashMap<>();
    final List<Segment> segments = new ArrayList<>();
    final Map<String, List<Segment>> links = new HashMap<>();

    static FakeNetwork loadDefault() {
        try (InputStream in = FakeNetwork.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the test classpath; build with Maven");
            }
            return new FakeNetwork(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeNetwork load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new FakeNetwork(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeNetwork(JsonNode root) {
        for (JsonNode city : root.path("cities")) {
            String name = city.path("name").asText();
            cities.put(name, new CidadeRede(name, city.path("lat").asDouble(), city.path("lon").asDouble()));
        }
        Set<Set<String>> seen = new HashSet<>();
        for (JsonNode segment : root.path("segments")) {
            Segment s = new Segment(segment.path("from").asText(), segment.path("to").asText(), segment.path("km").asInt());
            if (seen.add(Set.of(s.from(), s.to()))) {
                segments.add(s);
                links.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(s);
                links.computeIfAbsent(s.to(), k -> new ArrayList<>()).add(s);
            }
        }
    }

    /** The {@code /rede} answer a server running data/network.json would give, for tests of the map. */
    public static Rede defaultRede() {
        return loadDefault().rede();
    }

    /** The {@code /rede} answer for a network file, e.g. a generated 1,000-city one. */
    public static Rede rede(Path file) {
        return load(file).rede();
    }

    boolean knows(String city) {
        return city != null && cities.containsKey(city);
    }

    /** The airline that flies the pair, the same both ways. */
    static String flier(String from, String to) {
        return AIRLINES.get(Math.floorMod((from.compareTo(to) < 0 ? from + to : to + from).hashCode(), AIRLINES.size()));
    }

    static BigDecimal rate(String airline) {
        return RATES.getOrDefault(airline, new BigDecimal("100"));
    }

    int km(String from, String to) {
        for (Segment s : links.getOrDefault(from, List.of())) {
            if (s.from().equals(to) || s.to().equals(to)) {
                return s.km();
            }
        }
        throw new IllegalArgumentException("no segment " + from + " → " + to);
    }

    /** The answer of {@code GET /rede}: both directions of every segment, as a server lists directed segments. */
    Rede rede() {
        List<TrechoRede> trechos = new ArrayList<>();
        for (Segment s : segments) {
            List<String> flown = List.of(flier(s.from(), s.to()));
            trechos.add(new TrechoRede(s.from(), s.to(), s.km(), flown));
            trechos.add(new TrechoRede(s.to(), s.from(), s.km(), flown));
        }
        List<CompanhiaRede> companhias = AIRLINES.stream().map(id -> new CompanhiaRede(id, RATES.get(id).setScale(2))).toList();
        return new Rede(List.copyOf(cities.values()), trechos, companhias);
    }
}
