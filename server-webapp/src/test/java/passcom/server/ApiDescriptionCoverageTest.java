package passcom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API descriptions against what a server really answers: every method and path its servlets are
 * registered for (customer, peer and admin port, {@link PasscomServer#operations()}) must be described in
 * docs/openapi.yaml (customers) or docs/openapi-peers.yaml (airlines and operators), and every operation
 * described must be one a server answers. So an endpoint added without its description, or a description
 * left behind by a removed endpoint, fails here. (The schemas are checked against live answers in
 * integration-tests' OpenApiIT; the documents' form by scripts/check-openapi.sh.)
 */
class ApiDescriptionCoverageTest {

    private static final Path DOCS = Path.of(System.getProperty("passcom.root", ".."), "docs");
    private static final List<Path> DESCRIPTIONS = List.of(DOCS.resolve("openapi.yaml"), DOCS.resolve("openapi-peers.yaml"));
    /** The keys of an OpenAPI path item that are operations (the others: summary, parameters, servers, ...). */
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @TempDir
    Path dir;
    private PasscomServer server;

    @BeforeEach
    void start() {
        server = PasscomServer.create(ServerConfig.forTest("A", dir.resolve("A"))).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_operation_a_server_answers_is_described_and_every_described_operation_is_answered() throws IOException {
        Set<String> served = new TreeSet<>();
        server.operations().forEach(operation -> served.add(operation.toString()));
        Set<String> described = described();

        assertThat(served).as("what the server answers (read from its servlets)")
                .contains("GET /metrics", "POST /comprar_servidor", "GET /caminhos_cliente");
        SoftAssertions.assertSoftly(both -> {
            both.assertThat(difference(served, described)).as("answered by the server but described in neither " + DESCRIPTIONS).isEmpty();
            both.assertThat(difference(described, served)).as("described but not answered by the server").isEmpty();
        });
    }

    /** "METHOD /path" for each operation of each description. */
    private static Set<String> described() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> operations = new TreeSet<>();
        for (Path description : DESCRIPTIONS) {
            JsonNode paths = yaml.readTree(description.toFile()).path("paths");
            paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(key -> {
                if (METHODS.contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + path);
                }
            }));
        }
        return operations;
    }

    private static Set<String> difference(Set<String> from, Set<String> less) {
        Set<String> rest = new TreeSet<>(from);
        rest.removeAll(less);
        return rest;
    }
}
