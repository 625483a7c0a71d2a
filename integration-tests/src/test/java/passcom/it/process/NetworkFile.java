package passcom.it.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import passcom.api.Json;

/** The default network (data/network.json, as on the classpath) written to a file for {@code --network}, with more seats. */
public final class NetworkFile {

    private NetworkFile() {
    }

    /** Writes {@code dir/network.json}: the default cities and segments, every airline with {@code seats} per segment. */
    public static Path withDefaultSeats(Path dir, int seats) {
        try (InputStream in = NetworkFile.class.getResourceAsStream("/passcom/network.json")) {
            if (in == null) {
                throw new IllegalStateException("/passcom/network.json is not on the classpath");
            }
            JsonNode network = Json.mapper().readTree(in);
            for (JsonNode airline : network.path("airlines")) {
                ((ObjectNode) airline).put("defaultSeats", seats);
                ((ObjectNode) airline).remove("seats");
            }
            Path file = dir.resolve("network.json");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), network);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
