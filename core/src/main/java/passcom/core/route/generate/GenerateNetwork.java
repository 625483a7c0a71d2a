package passcom.core.route.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import passcom.core.route.Airline;
import passcom.core.route.NetworkWriter;
import passcom.core.route.RouteNetwork;

/**
 * Writes a {@link NetworkGenerator} network to a network file (data/README.md has the command):
 * {@code --cities N} (required), {@code --seats S} (per segment, every airline; default 1 to 5 at random),
 * {@code --seed X} (default 1), {@code --degree D} (links per city, default 5: about {@code 5 × N}
 * directed segments), {@code --airlines K} (default 3: A, B, C), {@code --out FILE} (required).
 */
public final class GenerateNetwork {

    private GenerateNetwork() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GenerateNetwork: " + e.getMessage());
            System.err.println("usage: GenerateNetwork --cities N [--seats S] [--seed X] [--degree D] [--airlines K] --out FILE");
            System.exit(2);
        }
    }

    static RouteNetwork run(String[] args) {
        Integer cities = null;
        int seats = 0;
        long seed = 1;
        double degree = 5;
        int airlines = 3;
        Path out = null;
        for (Map.Entry<String, String> given : FlagValues.of(args).entrySet()) {
            String flag = given.getKey();
            String value = given.getValue();
            try {
                switch (flag) {
                    case "--cities" -> cities = Integer.parseInt(value);
                    case "--seats" -> seats = positive(flag, Integer.parseInt(value));
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--degree" -> degree = Double.parseDouble(value);
                    case "--airlines" -> airlines = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, got '" + value + "'");
            }
        }
        if (cities == null || out == null) {
            throw new IllegalArgumentException("--cities and --out are required");
        }
        RouteNetwork network = NetworkGenerator.generate(seed, cities, degree, airlines, seats);
        NetworkWriter.write(network, out);
        List<String> flown = new ArrayList<>();
        for (Airline airline : network.airlines()) {
            flown.add(airline.id() + " " + airline.capacity().size() + " segments at R$ " + airline.pricePer100Km() + "/100 km");
        }
        System.out.printf("%s: %d cities, %d directed segments; %s%n", out, network.cities().size(), network.segments().size(),
                String.join(", ", flown));
        return network;
    }

    private static int positive(String flag, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
        return value;
    }
}
