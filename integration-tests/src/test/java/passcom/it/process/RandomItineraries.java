package passcom.it.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import passcom.api.Json;
import passcom.it.process.Attempt.Itinerary;

/**
 * Random 1–3-leg itineraries on the default network (every airline flies every segment, both ways): a walk that
 * never revisits a city, one random airline per leg, and at least two airlines on any itinerary of two or more
 * legs, so most purchases are interline and need every named airline's vote.
 */
public final class RandomItineraries {

    private final Map<String, List<String>> neighbours;
    private final List<String> cities;
    private final List<String> airlines;

    private RandomItineraries(Map<String, List<String>> neighbours, List<String> airlines) {
        this.neighbours = neighbours;
        this.cities = List.copyOf(neighbours.keySet());
        this.airlines = List.copyOf(airlines);
    }

    public static RandomItineraries onDefaultNetwork(List<String> airlines) {
        try (InputStream in = RandomItineraries.class.getResourceAsStream("/passcom/network.json")) {
            if (in == null) {
                throw new IllegalStateException("/passcom/network.json is not on the classpath");
            }
            Map<String, List<String>> neighbours = new TreeMap<>();
            for (JsonNode segment : Json.mapper().readTree(in).path("segments")) {
                String from = segment.path("from").asText();
                String to = segment.path("to").asText();
                neighbours.computeIfAbsent(from, c -> new ArrayList<>()).add(to);
                neighbours.computeIfAbsent(to, c -> new ArrayList<>()).add(from);
            }
            return new RandomItineraries(neighbours, airlines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network's cities, sorted. */
    public List<String> cities() {
        return cities;
    }

    public Itinerary next(Random random) {
        int wanted = 1 + random.nextInt(3);
        List<String> path = new ArrayList<>(List.of(cities.get(random.nextInt(cities.size()))));
        while (path.size() <= wanted) {
            List<String> onward = new ArrayList<>(neighbours.get(path.get(path.size() - 1)));
            onward.removeAll(path);
            if (onward.isEmpty()) {
                break;
            }
            path.add(onward.get(random.nextInt(onward.size())));
        }
        List<String> legAirlines = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            legAirlines.add(airlines.get(random.nextInt(airlines.size())));
        }
        if (legAirlines.size() > 1 && legAirlines.stream().distinct().count() == 1) {
            int last = legAirlines.size() - 1;
            legAirlines.set(last, airlines.get((airlines.indexOf(legAirlines.get(last)) + 1 + random.nextInt(airlines.size() - 1))
                    % airlines.size()));
        }
        return new Itinerary(List.copyOf(legAirlines), List.copyOf(path));
    }
}
