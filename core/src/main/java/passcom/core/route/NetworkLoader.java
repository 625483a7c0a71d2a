package passcom.core.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import passcom.core.money.Money;

/**
 * Reads and validates a network file (format: data/README.md). Every problem is reported as an
 * {@link InvalidNetwork} naming the entry, e.g. {@code segments[4]: unknown city 'Recif'}.
 */
public final class NetworkLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkLoader() {
    }

    public static RouteNetwork load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read network file " + file, e);
        }
    }

    /** The default network that ships with PASSCOM (data/network.json, also on the classpath). */
    public static RouteNetwork loadDefault() {
        try (InputStream in = NetworkLoader.class.getResourceAsStream("/passcom/network.json")) {
            if (in == null) {
                throw new IllegalStateException("default network missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RouteNetwork load(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidNetwork("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidNetwork("the file must hold a JSON object with cities, segments and airlines");
        }
        List<City> cities = readCities(array(root, "cities"));
        List<Segment> segments = readSegments(array(root, "segments"), cities);
        RouteNetwork withoutAirlines = new RouteNetwork(cities, segments, List.of());
        List<Airline> airlines = readAirlines(array(root, "airlines"), withoutAirlines);
        return new RouteNetwork(cities, segments, airlines);
    }

    private static List<City> readCities(JsonNode array) {
        List<City> cities = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String name = text(node, "name", "cities[" + i + "]");
            String at = "cities[" + i + "] '" + name + "'";
            try {
                cities.add(new City(name, number(node, "lat", at), number(node, "lon", at)));
            } catch (IllegalArgumentException e) {
                throw new InvalidNetwork(at + ": " + e.getMessage());
            }
            if (cities.stream().filter(c -> c.name().equals(name)).count() > 1) {
                throw new InvalidNetwork(at + ": duplicate city");
            }
        }
        return cities;
    }

    private static List<Segment> readSegments(JsonNode array, List<City> cities) {
        Set<String> cityNames = cities.stream().map(City::name).collect(Collectors.toSet());
        Map<Segment.Key, Segment> segments = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String at = "segments[" + i + "]";
            String from = text(node, "from", at);
            String to = text(node, "to", at);
            at += " " + from + " → " + to;
            for (String city : List.of(from, to)) {
                if (!cityNames.contains(city)) {
                    throw new InvalidNetwork(at + ": unknown city '" + city + "'");
                }
            }
            if (from.equals(to)) {
                throw new InvalidNetwork(at + ": a segment cannot start and end in the same city");
            }
            double km = number(node, "km", at);
            if (km <= 0 || km != Math.rint(km)) {
                throw new InvalidNetwork(at + ": km must be a positive whole number, got " + node.get("km"));
            }
            List<Segment> directions = new ArrayList<>(List.of(new Segment(from, to, (int) km)));
            if (!node.has("bothWays") || node.get("bothWays").asBoolean()) {
                directions.add(new Segment(to, from, (int) km));
            }
            for (Segment segment : directions) {
                if (segments.putIfAbsent(segment.key(), segment) != null) {
                    throw new InvalidNetwork(at + ": duplicate segment " + segment.key());
                }
            }
        }
        return new ArrayList<>(segments.values());
    }

    private static List<Airline> readAirlines(JsonNode array, RouteNetwork network) {
        List<Airline> airlines = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String at = "airlines[" + i + "]";
            String id = text(node, "id", at);
            at += " '" + id + "'";
            Money price;
            try {
                price = Money.of(new BigDecimal(node.path("pricePer100Km").asText("")));
            } catch (NumberFormatException e) {
                throw new InvalidNetwork(at + ": pricePer100Km must be a number, got " + node.get("pricePer100Km"));
            } catch (IllegalArgumentException e) {
                throw new InvalidNetwork(at + ": pricePer100Km " + e.getMessage());
            }
            int defaultSeats = seats(node, "defaultSeats", at);
            Map<Segment.Key, Integer> capacity = new TreeMap<>();
            if (node.has("flies")) {
                JsonNode flies = array(node, "flies", at);
                for (int j = 0; j < flies.size(); j++) {
                    Segment.Key key = segmentKey(flies.get(j), at + ".flies[" + j + "]", network);
                    capacity.put(key, defaultSeats);
                }
            } else {
                network.segments().forEach(s -> capacity.put(s.key(), defaultSeats));
            }
            if (node.has("seats")) {
                JsonNode seats = array(node, "seats", at);
                for (int j = 0; j < seats.size(); j++) {
                    String where = at + ".seats[" + j + "]";
                    Segment.Key key = segmentKey(seats.get(j), where, network);
                    if (!capacity.containsKey(key)) {
                        throw new InvalidNetwork(where + ": airline does not fly " + key);
                    }
                    capacity.put(key, seats(seats.get(j), "seats", where));
                }
            }
            try {
                airlines.add(new Airline(id, price, new TreeMap<>(capacity)));
            } catch (IllegalArgumentException e) {
                throw new InvalidNetwork(at + ": " + e.getMessage());
            }
            String duplicate = id;
            if (airlines.stream().filter(a -> a.id().equals(duplicate)).count() > 1) {
                throw new InvalidNetwork(at + ": duplicate airline");
            }
        }
        return airlines;
    }

    private static Segment.Key segmentKey(JsonNode node, String at, RouteNetwork network) {
        String from = text(node, "from", at);
        String to = text(node, "to", at);
        for (String city : List.of(from, to)) {
            if (!network.hasCity(city)) {
                throw new InvalidNetwork(at + ": unknown city '" + city + "'");
            }
        }
        return network.segment(from, to)
                .orElseThrow(() -> new InvalidNetwork(at + ": no segment " + from + " → " + to + " in the network"))
                .key();
    }

    private static JsonNode array(JsonNode node, String field) {
        return array(node, field, "file");
    }

    private static JsonNode array(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new InvalidNetwork(at + ": '" + field + "' must be a list");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidNetwork(at + ": missing '" + field + "'");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new InvalidNetwork(at + ": missing or non-numeric '" + field + "'");
        }
        return value.asDouble();
    }

    private static int seats(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            throw new InvalidNetwork(at + ": '" + field + "' must be a positive whole number, got " + value);
        }
        return value.asInt();
    }

}
