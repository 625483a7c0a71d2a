package passcom.client.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One airline server the client may connect to: its airline id and base URI. */
public record ServerEndpoint(String id, URI uri) {

    public ServerEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
    }

    /** The built-in federation: A, B and C on this machine, the ports the launcher uses. */
    public static List<ServerEndpoint> defaults() {
        return parseList("A=http://127.0.0.1:65433,B=http://127.0.0.1:65434,C=http://127.0.0.1:65435");
    }

    /**
     * Parses {@code "A=http://host:port,B=http://host:port"}. Order is kept: it is the order failover tries.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code id=uri}
     */
    public static List<ServerEndpoint> parseList(String spec) {
        List<ServerEndpoint> servers = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException("server entry '" + trimmed + "' is not id=http://host:port");
            }
            String uri = trimmed.substring(eq + 1).strip();
            servers.add(new ServerEndpoint(trimmed.substring(0, eq).strip(), URI.create(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri)));
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server in '" + spec + "'");
        }
        return List.copyOf(servers);
    }

    /**
     * The configured list: system property {@code passcom.servers}, else {@link #configured(Map) the environment}.
     */
    public static List<ServerEndpoint> configured() {
        String spec = System.getProperty("passcom.servers");
        return spec == null || spec.isBlank() ? configured(System.getenv()) : parseList(spec);
    }

    /**
     * From {@code env}: {@code PASSCOM_SERVERS}, else {@code PASSCOM_PEERS} (the servers' own peer list, same
     * {@code ID=URL,...} form, so one environment file serves a federation and its clients), else
     * {@link #defaults()}.
     */
    public static List<ServerEndpoint> configured(Map<String, String> env) {
        for (String variable : List.of("PASSCOM_SERVERS", "PASSCOM_PEERS")) {
            String spec = env.get(variable);
            if (spec != null && !spec.isBlank()) {
                return parseList(spec);
            }
        }
        return defaults();
    }

    @Override
    public String toString() {
        return id + " (" + uri.getHost() + ":" + uri.getPort() + ")";
    }
}
