package passcom.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import passcom.core.money.Money;
import passcom.server.auth.FederationSigner;

/**
 * How one airline server runs, from command-line flags, PASSCOM_* environment variables and an optional
 * config file (a flag wins over its variable, a variable over the file). {@link #parse} rejects anything wrong
 * with a {@link BadFlag} naming it.
 *
 * @param price   overrides the network file's price per 100 km for this airline
 * @param peers   the other airlines by id, each with one or more URLs of instances that share that airline's
 *                store (in the order given, no URL twice); this airline's own id is dropped, so every server
 *                of a federation can be given the same list
 * @param network the network file; empty means the default network on the classpath
 * @param secret  the federation's shared HMAC secret
 * @param dbUrl   the store's JDBC URL (PostgreSQL or SQLite); empty means SQLite in {@code dataDir}
 * @param previousSecret a rotated-out secret still accepted on incoming calls until its expiry
 * @param metrics where {@code GET /metrics} answers: its own admin port, never the customers' and peers' one
 * @param transport HTTPS with mutual TLS between airlines, or plain HTTP (loopback only unless insecure)
 * @param access  who may list bookings (open access: the original contract) and whether per-address rate limits apply
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
        Optional<FederationSigner.PreviousSecret> previousSecret,
        Metrics metrics,
        Transport transport,
        Access access) {

    /** Used when no secret is given; fine on a laptop, never in production (the server warns). */
    public static final String DEV_SECRET = "passcom-dev-secret-change-me";
    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final int FIRST_PORT = 65433;
    private static final int FIRST_METRICS_PORT = 9433;

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
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(access, "access");
    }

    /**
     * How the port speaks (docs/tls.md): HTTPS when {@code tls} is given, else plain HTTP, which
     * {@link CleartextRule} allows only on loopback unless {@code insecure} ({@code --inseguro}).
     */
    public record Transport(Optional<Tls> tls, boolean insecure) {
        public static final Transport PLAIN = new Transport(Optional.empty(), false);

        public Transport {
            Objects.requireNonNull(tls, "tls");
        }

        public static Transport of(Tls tls) {
            return new Transport(Optional.of(tls), false);
        }
    }

    /**
     * PEM files: the airline's certificate (chain, leaf first) and its unencrypted key, both reloaded when they
     * change; and the federation CA, which signs every airline's certificate and is what peers are checked against.
     */
    public record Tls(Path certificate, Path key, Path ca) {
        public Tls {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(ca, "ca");
        }
    }

    /**
     * The admin listener for {@code GET /metrics} (Prometheus text): {@code port} empty means none. On its own
     * port so that it can be kept off the network customers and peers reach (127.0.0.1 by default), since a
     * Prometheus scraper cannot sign requests as the peer endpoints demand (docs/operations.md).
     */
    public record Metrics(String host, Optional<Integer> port) {
        public static final Metrics NONE = new Metrics(DEFAULT_HOST, Optional.empty());
        /** Any free port on 127.0.0.1: tests read the real one from the server. */
        public static final Metrics ANY_PORT = new Metrics(DEFAULT_HOST, Optional.of(0));

        public Metrics {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
        }
    }

    /**
     * The customers' access rules (docs/security.md). {@code open}: the original contract, bookings listed by CPF
     * alone ({@code --acesso-aberto}, off by default: a lab setting). {@code rateLimits}: per client address limits
     * on login, cadastro and localizador look-ups ({@code --rate-limits}, on by default; the fault campaigns, which
     * test recovery rather than abuse, turn them off).
     */
    public record Access(boolean open, boolean rateLimits) {
        public static final Access DEFAULT = new Access(false, true);
    }

    /** The protocol's time limits (see {@link passcom.core.txn.NodeConfig}). */
    public record Timing(Duration peerTimeout, Duration searchTimeout, Duration staleHold, Duration retryBackoff) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(200));
    }

    /** A config for tests and embedding: default network, port 0 (any free port), no peers. */
    public static ServerConfig forTest(String airline, Path dataDir) {
        return new ServerConfig(airline, DEFAULT_HOST, 0, Optional.empty(), Map.of(), dataDir, Optional.empty(),
                DEV_SECRET, Timing.DEFAULT, Optional.empty(), Optional.empty(), Metrics.ANY_PORT,
                Transport.PLAIN, Access.DEFAULT);
    }

    /** One instance per peer airline. */
    public ServerConfig withPeers(Map<String, URI> newPeers) {
        Map<String, List<URI>> instances = new LinkedHashMap<>();
        newPeers.forEach((id, url) -> instances.put(id, List.of(url)));
        return withPeerInstances(instances);
    }

    /** Several instances (sharing one store) per peer airline, tried in the order given. */
    public ServerConfig withPeerInstances(Map<String, List<URI>> newPeers) {
        return new ServerConfig(airline, host, port, price, newPeers, dataDir, network, secret, timing, dbUrl, previousSecret, metrics, transport, access);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(airline, newHost, port, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret, metrics, transport, access);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(airline, host, newPort, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret, metrics, transport, access);
    }

    public ServerConfig withTiming(Timing newTiming) {
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, newTiming, dbUrl, previousSecret, metrics, transport, access);
    }

    public ServerConfig withDbUrl(String newDbUrl) {
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, timing, Optional.of(newDbUrl), previousSecret, metrics, transport, access);
    }

    public ServerConfig withMetrics(Metrics newMetrics) {
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret, newMetrics, transport, access);
    }

    public ServerConfig withTransport(Transport newTransport) {
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret, metrics, newTransport, access);
    }

    /** With the original contract's listing by CPF alone on or off ({@code --acesso-aberto}). */
    public ServerConfig withOpenAccess(boolean open) {
        return withAccess(new Access(open, access.rateLimits()));
    }

    public ServerConfig withAccess(Access newAccess) {
        return new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret, metrics, transport, newAccess);
    }

    /** Whether bookings can be listed by CPF alone, without a token ({@code --acesso-aberto}). */
    public boolean openAccess() {
        return access.open();
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
        return letterIndex(airline).map(i -> FIRST_PORT + i);
    }

    /** 9433 for A, 9434 for B, ... (the customer port's last three digits); other ids have none unless given. */
    static Optional<Integer> defaultMetricsPort(String airline) {
        return letterIndex(airline).map(i -> FIRST_METRICS_PORT + i);
    }

    private static Optional<Integer> letterIndex(String airline) {
        if (airline.length() == 1 && Character.isLetter(airline.charAt(0))) {
            return Optional.of(Character.toUpperCase(airline.charAt(0)) - 'A');
        }
        return Optional.empty();
    }

    /**
     * From flags, PASSCOM_* variables and the optional {@code --config} file, in that order of precedence
     * ({@link ServerFlags}).
     *
     * @throws BadFlag naming the flag, variable or file setting that is wrong
     */
    public static ServerConfig parse(List<String> args, Map<String, String> env) {
        return ServerFlags.parse(args, env).config();
    }

    /** The help text, generated by picocli: every flag, its variable and its default. */
    public static String usage() {
        return ServerFlags.usage();
    }
}
