package passcom.core.route.generate;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import passcom.core.route.Airline;
import passcom.core.route.InvalidNetwork;
import passcom.core.route.NetworkLoader;
import passcom.core.route.NetworkWriter;
import passcom.core.route.RouteNetwork;

/**
 * Writes a network file that every airline of a federation can fly ({@link NewAirlines}): {@code --airlines
 * A,B,C,D} (required, in order), {@code --network FILE} (default: the built-in network), {@code --out FILE}
 * (required). {@code ./passcom --companhias} runs it before starting the servers; it prints one line saying
 * which airlines were added and at what price. Exit status 2 on a bad argument or network file.
 */
public final class AddAirlines {

    private AddAirlines() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args));
        } catch (IllegalArgumentException | InvalidNetwork | UncheckedIOException e) {
            System.err.println("AddAirlines: " + e.getMessage());
            System.err.println("usage: AddAirlines --airlines A,B,C,D [--network FILE] --out FILE");
            System.exit(2);
        }
    }

    /** Writes the file; returns what was done, in words. */
    static String run(String[] args) {
        List<String> airlines = null;
        Path network = null;
        Path out = null;
        for (Map.Entry<String, String> given : FlagValues.of(args).entrySet()) {
            String flag = given.getKey();
            String value = given.getValue();
            switch (flag) {
                case "--airlines" -> airlines = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
                case "--network" -> network = Path.of(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (airlines == null || out == null) {
            throw new IllegalArgumentException("--airlines and --out are required");
        }
        RouteNetwork given = network == null ? NetworkLoader.loadDefault() : NetworkLoader.load(network);
        RouteNetwork widened = NewAirlines.addTo(given, airlines);
        NetworkWriter.write(widened, out);
        List<String> added = new ArrayList<>();
        for (String id : NewAirlines.missingFrom(given, airlines)) {
            Airline airline = widened.airline(id).orElseThrow();
            added.add(id + " at R$ " + airline.pricePer100Km());
        }
        String source = network == null ? "the built-in network" : network.toString();
        if (added.isEmpty()) {
            return out + ": " + source + " (it lists every airline)";
        }
        return out + ": " + source + " with " + String.join(", ", added) + " per 100 km, each flying what "
                + given.airlines().iterator().next().id() + " flies with its seats";
    }
}
