package passcom.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The optional settings file of {@code --config}: a {@code .properties} file, or YAML for {@code .yaml} / {@code .yml},
 * each key a flag's name. Values stay text, converted like the flag's own; a YAML list (for {@code peer}) is joined
 * with commas, as the flag's repeated values are. Immutable once read.
 */
record ConfigFile(String name, Map<String, String> settings) {

    static ConfigFile none() {
        return new ConfigFile("", Map.of());
    }

    /** @param keys the names a setting may have; any other key is an error naming the file */
    static ConfigFile read(Path file, Set<String> keys, String listKey) {
        String name = file.toString();
        boolean yaml = name.toLowerCase(Locale.ROOT).endsWith(".yaml") || name.toLowerCase(Locale.ROOT).endsWith(".yml");
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            if (yaml) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                if (root != null && !root.isNull()) {
                    if (!root.isObject()) {
                        throw new BadFlag(name + ": must be a mapping of setting: value");
                    }
                    root.fields().forEachRemaining(field -> settings.put(field.getKey(), text(name, field.getKey(), field.getValue(), listKey)));
                }
            } else {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
            }
        } catch (IOException e) {
            throw new BadFlag(name + ": cannot be read as " + (yaml ? "YAML" : "properties")
                    + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        for (String key : settings.keySet()) {
            if (!keys.contains(key)) {
                throw new BadFlag(name + ": unknown setting '" + key + "' (the keys are the flags' names, like port or peer)");
            }
        }
        return new ConfigFile(name, settings);
    }

    /** The setting's text, absent when missing or blank. */
    Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }

    private static String text(String file, String key, JsonNode value, String listKey) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray() && listKey.equals(key)) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","));
        }
        throw new BadFlag(file + ": " + key + " must be a single value" + (listKey.equals(key) ? " or a list" : ""));
    }
}
