package passcom.core.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a network in the file format {@link NetworkLoader} reads (data/README.md), so that loading the
 * file gives an equal network. Compact where the format allows: a segment flown both ways with one
 * distance is one entry, an airline that flies every segment has no {@code flies} list, and only
 * capacities other than the airline's most common one are listed under {@code seats}.
 */
public final class NetworkWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkWriter() {
    }

    /** Writes {@code file} (replacing it) and returns it. */
    public static Path write(RouteNetwork network, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.writeValue(out, toJson(network));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write network file " + file, e);
        }
    }

    static ObjectNode toJson(RouteNetwork network) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cities = root.putArray("cities");
        for (City city : network.cities()) {
            cities.addObject().put("name", city.name()).put("lat", city.latitude()).put("lon", city.longitude());
        }
        ArrayNode segments = root.putArray("segments");
        for (Segment segment : network.segments()) {
            Optional<Segment> back = network.segment(segment.destination(), segment.origin());
            boolean twin = back.isPresent() && back.get().km() == segment.km();
            if (twin && segment.origin().compareTo(segment.destination()) > 0) {
                continue; // written with its twin
            }
            ObjectNode node = segments.addObject().put("from", segment.origin()).put("to", segment.destination())
                    .put("km", segment.km());
            if (!twin) {
                node.put("bothWays", false);
            }
        }
        ArrayNode airlines = root.putArray("airlines");
        for (Airline airline : network.airlines()) {
            airlines.add(airline(airline, network));
        }
        return root;
    }

    private static ObjectNode airline(Airline airline, RouteNetwork network) {
        int usual = airline.capacity().values().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
        ObjectNode node = JSON.createObjectNode().put("id", airline.id())
                .put("pricePer100Km", airline.pricePer100Km().toBigDecimal()).put("defaultSeats", usual);
        if (airline.capacity().size() < network.segments().size()) {
            ArrayNode flies = node.putArray("flies");
            airline.capacity().keySet().forEach(key -> flies.addObject().put("from", key.origin()).put("to", key.destination()));
        }
        ArrayNode seats = JSON.createArrayNode();
        airline.capacity().forEach((key, capacity) -> {
            if (capacity != usual) {
                seats.addObject().put("from", key.origin()).put("to", key.destination()).put("seats", capacity);
            }
        });
        if (!seats.isEmpty()) {
            node.set("seats", seats);
        }
        return node;
    }
}
