package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import passcom.api.Json;

/**
 * One of the API descriptions in docs/, read for checking real answers against it: the answer's status must
 * be documented for its method and path, and its body must match the schema documented for that status
 * (networknt's JSON Schema 2020-12 validator, the dialect of OpenAPI 3.1). What was checked is remembered, so
 * a test can demand that every documented answer was provoked.
 *
 * <p>A description may use the components of a sibling one ({@code ./openapi.yaml#/components/...}, as
 * docs/openapi-peers.yaml does): those components are copied into this one and the references made local,
 * so every {@code $ref} resolves inside one document. A name both define differently is refused.
 */
final class ApiDescription {

    private static final Path DOCS = Path.of(System.getProperty("passcom.root", ".."), "docs");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String name;
    private final ObjectNode root;
    private final Set<String> checked = new TreeSet<>();

    private ApiDescription(String name, ObjectNode root) {
        this.name = name;
        this.root = root;
    }

    /** docs/{@code fileName}, with the sibling descriptions it refers to merged in. */
    static ApiDescription read(String fileName) {
        ObjectNode root = tree(fileName);
        Set<String> siblings = new TreeSet<>();
        localize(root, siblings);
        for (String sibling : siblings) {
            ObjectNode other = tree(sibling);
            localize(other, new TreeSet<>());
            other.path("components").fields().forEachRemaining(section -> section.getValue().fields().forEachRemaining(component -> {
                ObjectNode into = root.with("components").with(section.getKey());
                JsonNode present = into.get(component.getKey());
                if (present != null && !present.equals(component.getValue())) {
                    throw new IllegalStateException(fileName + " and " + sibling + " both define components." + section.getKey()
                            + "." + component.getKey() + ", differently; rename one");
                }
                into.set(component.getKey(), component.getValue());
            }));
        }
        return new ApiDescription(fileName, root);
    }

    /** Every documented answer, as "METHOD /path status". */
    Set<String> documentedAnswers() {
        Set<String> documented = new TreeSet<>();
        root.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("responses")) {
                op.getValue().get("responses").fieldNames().forEachRemaining(status ->
                        documented.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status));
            }
        }));
        return documented;
    }

    /** The answers {@link #check} has seen, as "METHOD /path status". */
    Set<String> checked() {
        return checked;
    }

    /**
     * Checks the answer against the response documented for (method, path, status): a JSON body against its
     * schema, another documented media type by the answer's Content-Type. Returns the JSON body (or null).
     */
    JsonNode check(HttpResponse<String> response, String method, String path, int status) throws IOException {
        String what = method + " " + path + " " + status;
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        JsonNode operation = root.get("paths").path(path).path(method.toLowerCase());
        JsonNode answer = operation.path("responses").get(String.valueOf(status));
        assertThat(answer).as(what + " is documented in " + name).isNotNull();
        String pointer = "#/paths/" + escape(path) + "/" + method.toLowerCase() + "/responses/" + status;
        if (answer.has("$ref")) {
            pointer = answer.get("$ref").asText();
            answer = at(pointer);
        }
        checked.add(what);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (answer.path("content").has("application/json")) {
            assertThat(contentType).as(what).startsWith("application/json");
            JsonNode body = Json.mapper().readTree(response.body());
            Set<ValidationMessage> errors = schema(pointer + "/content/application~1json/schema").validate(body);
            assertThat(errors).as(what + " body " + response.body()).isEmpty();
            return body;
        }
        answer.path("content").fieldNames().forEachRemaining(mediaType -> assertThat(contentType).as(what).startsWith(mediaType));
        return null;
    }

    /**
     * Checks an answer that never ends (server-sent events): its status and Content-Type as documented, and the data of
     * its first event against the documented schema. Returns that data.
     */
    JsonNode checkFirstEvent(int statusCode, String contentType, String data, String method, String path, int status) throws IOException {
        String what = method + " " + path + " " + status;
        assertThat(statusCode).as(what).isEqualTo(status);
        String pointer = "#/paths/" + escape(path) + "/" + method.toLowerCase() + "/responses/" + status;
        assertThat(at(pointer).path("content").has("text/event-stream")).as(what + " is documented as text/event-stream").isTrue();
        assertThat(contentType).as(what).startsWith("text/event-stream");
        checked.add(what);
        JsonNode body = Json.mapper().readTree(data);
        Set<ValidationMessage> errors = schema(pointer + "/content/text~1event-stream/schema").validate(body);
        assertThat(errors).as(what + " first event " + data).isEmpty();
        return body;
    }

    /** A schema that is the document itself with a $ref to {@code pointer}, so every #/components ref resolves. */
    JsonSchema schema(String pointer) {
        ObjectNode schema = root.deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$ref", pointer);
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("paths") && !key.equals("components")) {
                schema.remove(key);
            }
        }
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    private JsonNode at(String pointer) {
        JsonNode node = root.at(pointer.substring(1));
        assertThat(node.isMissingNode()).as(pointer + " in " + name).isFalse();
        return node;
    }

    private static ObjectNode tree(String fileName) {
        try {
            return (ObjectNode) YAML.readTree(DOCS.resolve(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every {@code ./other.yaml#/...} reference local, collecting the other files' names. */
    private static void localize(JsonNode node, Set<String> siblings) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String ref = field.getValue().asText();
                if (field.getKey().equals("$ref") && ref.startsWith("./") && ref.contains("#")) {
                    siblings.add(ref.substring(2, ref.indexOf('#')));
                    field.setValue(new TextNode(ref.substring(ref.indexOf('#'))));
                } else {
                    localize(field.getValue(), siblings);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> localize(element, siblings));
        }
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
