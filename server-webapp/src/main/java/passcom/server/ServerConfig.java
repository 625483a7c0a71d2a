package passcom.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import passcom.core.money.Money;
import passcom.server.auth.FederationSigner;

/**
 * How one airline server runs, from command-line flags and PASSCOM_* environment variables (a flag wins
 * over its variable). {@link #parse} rejects anything wrong with a {@link BadFlag} naming it.
 *
 * @param price   overrides the network file's price per 100 km for this airline
 * @param peers   the other airlines by id, each with one or more URLs of instances that share that airline's
 *                store (in the order given, no URL twice); this airline's own id is dropped, so every server
 *                of a federation can be given the same list
 * @param network the network file; empty means the default network on the classpath
 * @param secret  the federation's shared HMAC secret
 * @param dbUrl   the store's JDBC URL (PostgreSQL or SQLite); empty means SQLite in {@code dataDir}
 * @param previousSecret a rotated-out secret still accepted on incoming calls until its expiry
 */
public record ServerConfig(
        String airline,
        String host,
        int port,
        Optional<Money> price,
        Map<String, List<URI>> peers,
        Path dataDir,
        Optional<Path> network,
        String secret,
        Timing timing,
        Optional<String> dbUrl,
        Optional<FederationSigner.PreviousSecret> previousSecret) {

    /** Used when no secret is given; fine on a laptop, never in production (the server warns). */
    public static final String DEV_SECRET = "passcom-dev-secret-change-me";
    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final int FIRST_PORT = 65433;
    /** The stores core can open. */
    private static final List<String> JDBC_PREFIXES = List.of("jdbc:postgresql:", "jdbc:sqlite:");

    public ServerConfig {
        Objects.requireNonNull(airline, "airline");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(price, "price");
        Map<String, List<URI>> copy = new LinkedHashMap<>();
        peers.forEach((id, urls) -> {
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("peer " + id + " has no URL");
            }
            copy.put(id, List.copyOf(new LinkedHashSet<>(urls)));
        });
        peers = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(previousSecret, "previousSecret");
    }

    /** The protocol's time limits (see {@link passcom.core.txn.NodeConfig}). */
    public record Timing(Duration peerTimeout, Duration searchTimeout, Duration staleHold, Duration retryBackoff) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(200));
    }

    /** A config for tests and embedding: default network, port 0 (any free port), no peers. */
    public static ServerConfig forTest(String airline, Path dataDir) {
        return new ServerConfig(airline, DEFAULT_HOST, 0, Optional.empty(), Map.of(), dataDir, Optional.empty(),
                DEV_SECRET, Timing.DEFAULT, Optional.empty(), Optional.empty());
    }

    /** One instance per peer airline. */
    public ServerConfig withPeers(Map<String, URI> newPeers) {
        Map<String, List<URI>> instances = new LinkedHashMap<>();
        newPeers.forEach((id, url) -> instances.put(id, List.of(url)));
        return withPeerInstances(instances);
    }

    /** Several instances (sharing one store) per peer airline, tried in the order given. */
    public ServerConfig withPeerInstances(Map<String, List<URI>> newPeers) {
        return new ServerConfig(airline, host, port, price, newPeers, dataDir, network, secret, timing, dbUrl, previousSecret);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(airline, host, newPort, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret);
    }

    public ServerConfig withTiming(Timing newTiming) {
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, newTiming, dbUrl, previousSecret);
    }

    public ServerConfig withDbUrl(String newDbUrl) {
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, timing, Optional.of(newDbUrl), previousSecret);
    }

    /** The store: {@code --db-url} when given, else the SQLite file {@code passcom.db} in the data directory. */
    public String jdbcUrl() {
        return dbUrl.orElseGet(() -> "jdbc:sqlite:" + dataDir.toAbsolutePath().normalize().resolve("passcom.db"));
    }

    public boolean usesDevSecret() {
        return DEV_SECRET.equals(secret);
    }

    /** 65433 for A, 65434 for B, ... for one-letter ids; other ids must give --port. */
    static Optional<Integer> defaultPort(String airline) {
        if (airline.length() == 1 && Character.isLetter(airline.charAt(0))) {
            return Optional.of(FIRST_PORT + Character.toUpperCase(airline.charAt(0)) - 'A');
        }
        return Optional.empty();
    }

    /** @throws BadFlag naming the flag or variable that is wrong */
    public static ServerConfig parse(List<String> args, Map<String, String> env) {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> peerFlags = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new BadFlag("unexpected argument '" + arg + "'");
            }
            String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
            Flag flag = Flag.named(name).orElseThrow(() -> new BadFlag("unknown flag --" + name));
            if (flag == Flag.HELP) {
                throw new BadFlag("--help must be handled before parsing");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new BadFlag("--" + name + " needs a value");
            }
            if (flag == Flag.PEER) {
                peerFlags.addAll(List.of(value.split(",")));
            } else if (flags.put(flag.name, value) != null) {
                throw new BadFlag("--" + name + " given twice");
            }
        }
        return fromValues(flags, peerFlags, env);
    }

    private static ServerConfig fromValues(Map<String, String> flags, List<String> peerFlags, Map<String, String> env) {
        Values values = new Values(flags, env);
        String airline = values.get(Flag.AIRLINE).orElse("A");
        if (!airline.matches("[A-Za-z0-9_-]{1,16}")) {
            throw new BadFlag(values.source(Flag.AIRLINE) + ": airline id must be 1-16 letters, digits, '_' or '-', got '" + airline + "'");
        }
        String host = values.get(Flag.HOST).orElse(DEFAULT_HOST);
        int port = values.get(Flag.PORT).map(p -> port(values.source(Flag.PORT), p))
                .or(() -> defaultPort(airline))
                .orElseThrow(() -> new BadFlag("airline '" + airline + "' has no default port: give --port"));
        Optional<Money> price = values.get(Flag.PRICE).map(p -> price(values.source(Flag.PRICE), p));
        Map<String, List<URI>> peers = peerFlags.isEmpty()
                ? values.get(Flag.PEER).map(list -> peers("PASSCOM_PEERS", List.of(list.split(",")), airline)).orElse(Map.of())
                : peers("--peer", peerFlags, airline);
        Path dataDir = Path.of(values.get(Flag.DATA_DIR).orElse("var/" + airline));
        Optional<Path> network = values.get(Flag.NETWORK).map(Path::of);
        network.ifPresent(file -> {
            if (!Files.isRegularFile(file)) {
                throw new BadFlag(values.source(Flag.NETWORK) + ": no such file " + file.toAbsolutePath());
            }
        });
        String secret = values.get(Flag.SECRET).orElse(DEV_SECRET);
        Optional<String> dbUrl = values.get(Flag.DB_URL).map(String::strip);
        dbUrl.ifPresent(url -> {
            if (JDBC_PREFIXES.stream().noneMatch(url::startsWith)) {
                throw new BadFlag(values.source(Flag.DB_URL) + ": the store URL must start with jdbc:postgresql: or jdbc:sqlite:, got '"
                        + url.replaceAll("(?i)password=[^&;]*", "password=***") + "'");
            }
        });
        Timing timing = new Timing(
                values.get(Flag.PEER_TIMEOUT).map(d -> duration(values.source(Flag.PEER_TIMEOUT), d)).orElse(Timing.DEFAULT.peerTimeout()),
                values.get(Flag.SEARCH_TIMEOUT).map(d -> duration(values.source(Flag.SEARCH_TIMEOUT), d)).orElse(Timing.DEFAULT.searchTimeout()),
                values.get(Flag.STALE_HOLD).map(d -> duration(values.source(Flag.STALE_HOLD), d)).orElse(Timing.DEFAULT.staleHold()),
                values.get(Flag.RETRY_BACKOFF).map(d -> duration(values.source(Flag.RETRY_BACKOFF), d)).orElse(Timing.DEFAULT.retryBackoff()));
        Optional<FederationSigner.PreviousSecret> previousSecret = values.get(Flag.PREVIOUS_SECRET)
                .map(v -> previousSecret(values.source(Flag.PREVIOUS_SECRET), v));
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret);
    }

    /** "SECRET@2026-12-02T03:00:00Z": the secret being rotated out and the instant it stops being accepted. */
    private static FederationSigner.PreviousSecret previousSecret(String source, String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0) {
            throw new BadFlag(source + ": give the previous secret and its expiry as SECRET@2026-12-02T03:00:00Z");
        }
        try {
            return new FederationSigner.PreviousSecret(text.substring(0, at), java.time.Instant.parse(text.substring(at + 1).strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadFlag(source + ": the expiry after '@' must be an instant like 2026-12-02T03:00:00Z, got '"
                    + text.substring(at + 1) + "'");
        }
    }

    private static int port(String source, String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 0 || port > 65535) {
                throw new BadFlag(source + ": port must be 0-65535, got " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new BadFlag(source + ": port must be a number, got '" + text + "'");
        }
    }

    private static Money price(String source, String text) {
        try {
            Money price = Money.of(text.strip());
            if (!price.isPositive()) {
                throw new BadFlag(source + ": price per 100 km must be positive, got " + text);
            }
            return price;
        } catch (NumberFormatException e) {
            throw new BadFlag(source + ": price must be a number like 115 or 115.50, got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new BadFlag(source + ": price " + e.getMessage());
        }
    }

    /** "3s", "500ms", "2m" or plain milliseconds. */
    private static Duration duration(String source, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofMillis(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new BadFlag(source + ": duration must be positive, got '" + text + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadFlag(source + ": duration must look like 500ms, 3s or 2m, got '" + text + "'");
        }
    }

    /** Repeating an id lists another instance of that airline; the same URL twice is a mistake. */
    private static Map<String, List<URI>> peers(String source, List<String> entries, String self) {
        Map<String, List<URI>> peers = new LinkedHashMap<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new BadFlag(source + ": peer must be ID=URL, like B=http://127.0.0.1:65434, got '" + e + "'");
            }
            String id = e.substring(0, eq).strip();
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new BadFlag(source + ": peer id must be 1-16 letters, digits, '_' or '-', got '" + id + "'");
            }
            URI url = url(source, id, e.substring(eq + 1).strip());
            if (id.equals(self)) {
                continue;
            }
            List<URI> urls = peers.computeIfAbsent(id, any -> new ArrayList<>());
            if (urls.contains(url)) {
                throw new BadFlag(source + ": peer " + id + " given twice with " + url);
            }
            urls.add(url);
        }
        return peers;
    }

    private static URI url(String source, String id, String text) {
        try {
            URI url = new URI(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new BadFlag(source + ": peer " + id + " needs an http(s) URL with a host, got '" + text + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new BadFlag(source + ": peer " + id + " has a malformed URL '" + text + "'");
        }
    }

    /** The help text: every flag, its variable and its default. */
    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: passcom-server [flags]     (java -jar passcom-server.jar ...)

                Runs one airline of the PASSCOM federation. Flags win over environment variables.

                """);
        for (Flag flag : Flag.values()) {
            String left = "  --" + flag.name + (flag.valueName.isEmpty() ? "" : " " + flag.valueName);
            text.append(String.format("%-30s %s%n", left, flag.description));
            if (flag.env != null) {
                text.append(String.format("%-30s env %s; default: %s%n", "", flag.env, flag.defaultValue));
            }
        }
        text.append("""

                Example (airline B of the default federation):
                  passcom-server --airline B --peer A=http://127.0.0.1:65433 --peer C=http://127.0.0.1:65435
                Two instances of airline A sharing one PostgreSQL database, and a peer that uses both:
                  passcom-server --airline A --db-url jdbc:postgresql://127.0.0.1:5432/passcom_A?user=passcom
                  passcom-server --airline A --port 65443 --db-url jdbc:postgresql://127.0.0.1:5432/passcom_A?user=passcom
                  passcom-server --airline B --peer A=http://127.0.0.1:65433 --peer A=http://127.0.0.1:65443
                """);
        return text.toString();
    }

    /** Each flag once: name, variable, default and description, so parsing and --help cannot disagree. */
    enum Flag {
        AIRLINE("airline", "ID", "PASSCOM_AIRLINE", "A", "this server's airline id, as in the network file"),
        PORT("port", "N", "PASSCOM_PORT", "65433 for A, 65434 for B, 65435 for C, ...", "HTTP port; 0 picks a free one"),
        HOST("host", "ADDR", "PASSCOM_HOST", DEFAULT_HOST, "address to listen on (0.0.0.0 for every interface)"),
        PRICE("price", "R$", "PASSCOM_PRICE", "the network file's price", "price per 100 km, e.g. 115.50"),
        PEER("peer", "ID=URL", "PASSCOM_PEERS", "none (comma-separated ID=URL list)",
                "a peer airline; repeat, or separate with commas; the same ID again adds an instance of it"),
        DATA_DIR("data-dir", "DIR", "PASSCOM_DATA_DIR", "./var/<airline>", "the airline's directory (its SQLite store passcom.db without --db-url)"),
        DB_URL("db-url", "URL", "PASSCOM_DB_URL", "SQLite in the data directory",
                "the store, jdbc:postgresql://... or jdbc:sqlite:...; instances of one airline share it"),
        NETWORK("network", "FILE", "PASSCOM_NETWORK", "the built-in network (data/network.json)", "route network file"),
        SECRET("secret", "TEXT", "PASSCOM_SECRET", "a development secret (logged as a warning)",
                "federation HMAC secret shared by every airline (prefer the variable)"),
        PREVIOUS_SECRET("previous-secret", "TEXT@UNTIL", "PASSCOM_PREVIOUS_SECRET", "none",
                "while rotating: the old secret, still accepted until UNTIL (an instant, e.g. 2026-12-02T03:00:00Z)"),
        PEER_TIMEOUT("peer-timeout", "DUR", "PASSCOM_PEER_TIMEOUT", "3s", "wait for a peer's prepare/commit answer"),
        SEARCH_TIMEOUT("search-timeout", "DUR", "PASSCOM_SEARCH_TIMEOUT", "2s", "wait for a peer's route or ticket answer"),
        STALE_HOLD("stale-hold", "DUR", "PASSCOM_STALE_HOLD", "5s", "hold age before asking the coordinator"),
        RETRY_BACKOFF("retry-backoff", "DUR", "PASSCOM_RETRY_BACKOFF", "200ms", "first retry delay of an undelivered decision"),
        HELP("help", "", null, "", "print this help and exit");

        final String name;
        final String valueName;
        final String env;
        final String defaultValue;
        final String description;

        Flag(String name, String valueName, String env, String defaultValue, String description) {
            this.name = name;
            this.valueName = valueName;
            this.env = env;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        static Optional<Flag> named(String name) {
            for (Flag flag : values()) {
                if (flag.name.equals(name)) {
                    return Optional.of(flag);
                }
            }
            return Optional.empty();
        }
    }

    /** A flag's value, else its variable's; remembers which, so errors name the right one. */
    private record Values(Map<String, String> flags, Map<String, String> env) {
        Optional<String> get(Flag flag) {
            String value = flags.get(flag.name);
            if (value == null && flag.env != null) {
                value = env.get(flag.env);
            }
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }

        String source(Flag flag) {
            return flags.containsKey(flag.name) ? "--" + flag.name : flag.env;
        }
    }
}
