package passcom.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.HashSet;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.AirlinePort;
import passcom.core.txn.NodeConfig;
import passcom.server.auth.FederationSigner;
import passcom.server.auth.PeerCertificateFilter;
import passcom.server.auth.ReplayGuard;
import passcom.server.auth.SignatureFilter;
import passcom.server.abuse.RateLimitFilter;
import passcom.server.account.AccountServlet;
import passcom.server.account.CadastroServlet;
import passcom.server.account.FederatedAccounts;
import passcom.server.account.JwksServlet;
import passcom.server.account.LoginServlet;
import passcom.server.account.LogoutServlet;
import passcom.server.account.PeerAccountServlets;
import passcom.server.account.PeerAccounts;
import passcom.server.account.RenewalServlet;
import passcom.server.auth.token.AccessTokens;
import passcom.server.auth.token.BearerToken;
import passcom.server.auth.token.SigningKeys;
import passcom.server.auth.token.TokenVerifier;
import passcom.server.client.CancellationServlet;
import passcom.server.client.HealthServlet;
import passcom.server.client.NetworkServlet;
import passcom.server.client.SeatMapServlet;
import passcom.server.client.PurchaseServlet;
import passcom.server.client.RouteSearchServlet;
import passcom.server.client.TicketListServlet;
import passcom.server.http.AirlineThreadPool;
import passcom.server.http.JsonErrorHandler;
import passcom.server.http.LogContextFilter;
import passcom.server.http.PathLimits;
import passcom.server.http.ServedOperations;
import passcom.server.http.UnknownPathServlet;
import passcom.server.peer.AbortServlet;
import passcom.server.peer.AvailabilityFeedServlet;
import passcom.server.peer.CommitServlet;
import passcom.server.peer.DecisionServlet;
import passcom.server.peer.FederationPaths;
import passcom.server.peer.HttpAirlinePort;
import passcom.server.peer.LocalPathsServlet;
import passcom.server.peer.LocalSeatMapServlet;
import passcom.server.peer.LocalTicketsServlet;
import passcom.server.peer.PathsVersionServlet;
import passcom.server.peer.PeerHttpClient;
import passcom.server.peer.PingServlet;
import passcom.server.peer.PrepareServlet;
import passcom.server.metrics.MetricsEndpoint;
import passcom.server.tls.CertificateReloader;
import passcom.server.tls.FederationTls;
import passcom.server.tls.PlainHttpRefusal;
import passcom.server.metrics.PeerProbe;
import passcom.server.metrics.RequestMetricsFilter;
import passcom.server.metrics.ServerMetrics;

/**
 * One airline's server: the {@link AirlineNode} behind embedded Jetty 12, one servlet per endpoint, and
 * signed HTTP ports to its peers. {@link #create} checks the configuration and loads the network;
 * {@link #start} opens the store and binds (port 0 picks a free port: read {@link #uri}); {@link #close}
 * stops taking requests, lets running ones finish (up to {@link #STOP_TIMEOUT}), then stops the node.
 *
 * <p>Threads: customer requests may block on peers while coordinating, peer requests only run short local
 * transactions. So that customer requests can never take every thread and starve the peer calls that
 * would finish them (two servers each waiting for the other), at most {@link #MAX_CUSTOMER_REQUESTS}
 * customer requests run at once; the rest wait in Jetty's {@link QoSHandler} without holding a thread.
 *
 * <p>Bulkheads, so that a dead or paused airline stalls only what involves it. Outgoing: each peer airline
 * has its own {@link PeerHttpClient} (connection pool, selector and a few threads of its own), and at most
 * {@link HttpAirlinePort.Limits#DEFAULT} calls in flight, fewer than the customer limit: calls past it
 * fail at once, so a paused peer can hold some of the customer slots, never all. Incoming: prepares, which
 * can wait on seat locks, have their own limit; the short control calls that finish transactions
 * (commit, abort, decision, ping, tickets) and route queries each have another, so they never queue
 * behind prepares.
 *
 * <p>Transport (docs/tls.md): HTTPS when the config has TLS files, with mutual TLS between airlines (the
 * peer calls present this airline's certificate; incoming peer calls must present the certificate of the
 * airline that signed them) and the certificate reloaded when its files change; plain HTTP only on loopback
 * unless {@code --inseguro} ({@link CleartextRule}, checked by {@link #create}).
 */
public final class PasscomServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PasscomServer.class);

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_IDLE = Duration.ofMillis(100);
    static final int MAX_THREADS = 200;
    static final int MAX_CUSTOMER_REQUESTS = 64;
    /**
     * Prepares are local transactions that all contend for one store's seat rows: beyond a few at once they
     * only queue on its locks (a burst of 300 buyers put ~200 on them and some waited past the callers'
     * timeouts). The rest wait in the QoS queue without a thread, and never wait on another peer, so this
     * limit cannot deadlock the federation. Only prepares count against it (see the class comment).
     */
    static final int MAX_PREPARE_REQUESTS = 16;
    /** Commit, abort, decision, ping and tickets: short local transactions that finish what prepares began. */
    static final int MAX_CONTROL_REQUESTS = 16;
    /** Route queries from peers' searches: reads only. */
    static final int MAX_PATH_REQUESTS = 16;
    /**
     * Threads of one peer's HTTP client, its selector included. Callbacks only parse and complete futures
     * (the store is written on core's own threads), so a few suffice; the calls waiting for them are bounded
     * by the peer's in-flight limits.
     */
    static final int HTTP_THREADS_PER_PEER = 4;
    static final int ACCEPT_QUEUE = 1024;
    /** How long a request waits for a slot of its limit before it is answered 503. */
    static final Duration MAX_SUSPEND = Duration.ofSeconds(30);
    /** The customer endpoints (metrics label them by path). */
    static final List<String> CUSTOMER_PATHS = List.of("/caminhos_cliente", "/comprar_cliente", "/passagens_cliente", "/cancelar_cliente", "/saude",
            "/cadastro", "/login", "/login/renovar", "/logout", "/conta", JwksServlet.PATH);
    private static final Duration SIGNATURE_WINDOW = Duration.ofSeconds(30);
    /** How often the certificate and key files are looked at for a rotation (Jetty's KeyStoreScanner default). */
    static final int CERTIFICATE_SCAN_SECONDS = 1;

    static {
        // The JDK client hands every response to CompletableFuture's default executor before our callbacks
        // run. With fewer than 3 cores the common pool has parallelism 1, and CompletableFuture then starts a
        // new thread per task: JFR counted 806 threads started in 15 s of route queries on 2 cores (the
        // "5,000 threads" of issue 8). Parallelism 2 keeps those hand-offs on the pool. Only effective if set
        // before the pool is first used, so the launcher also passes it as a JVM option. (Peers are now called
        // with Jetty's client, PeerHttpClient; this still bounds the common pool for anything else that uses it.)
        setIfAbsent("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        // Jetty pads its queues to this many references per cache line. Left unset, Jetty's MemoryUtils asks the
        // platform MBean server whether oops are compressed, and starting that server was 8 % of a server's
        // start-up CPU (JFR, docs/PERFORMANCE.md "Start-up"). 16 is Jetty's own answer for compressed oops (a
        // 64-byte line of 4-byte references), which every heap under 32 GB has; it only sizes padding.
        setIfAbsent("org.eclipse.jetty.util.referencesPerCacheLine", "16");
    }

    private final ServerConfig config;
    private final RouteNetwork network;
    private final Clock clock;
    // Written only under this object's lock (start, close); volatile so that uri(), node() and metricsUri() read a
    // published value without taking the lock, which close() holds for up to STOP_TIMEOUT.
    private volatile Server jetty;
    private volatile AirlineNode node;
    private ServerMetrics metrics;
    private volatile MetricsEndpoint metricsEndpoint;
    private final List<PeerHttpClient> peerClients = new ArrayList<>();
    private volatile FederationTls tls;
    private CertificateReloader certificateReloader;
    /** Each peer airline's client, shared by its protocol port and the accounts' calls to it. */
    private final Map<String, PeerHttpClient> clientOf = new LinkedHashMap<>();

    private PasscomServer(ServerConfig config, RouteNetwork network, Clock clock) {
        this.config = config;
        this.network = network;
        this.clock = clock;
    }

    /** Reads the network (the config's file or the built-in one) and applies the price override. */
    public static PasscomServer create(ServerConfig config) {
        RouteNetwork network = config.network().map(NetworkLoader::load).orElseGet(NetworkLoader::loadDefault);
        return create(config, network);
    }

    /** With a network built in code (tests use their own capacities); the config's price still applies. */
    public static PasscomServer create(ServerConfig config, RouteNetwork network) {
        return create(config, network, Clock.systemUTC());
    }

    /** With a clock of the test's choosing (token expiry, lockout, the protocol's timers all read it). */
    public static PasscomServer create(ServerConfig config, RouteNetwork network, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Airline airline = network.airline(config.airline()).orElseThrow(() -> new BadFlag("airline '" + config.airline()
                + "' is not in the network; it has " + network.airlines().stream().map(Airline::id).toList()));
        CleartextRule.check(config).forEach(LOG::warn);
        RouteNetwork priced = config.price().map(p -> network.withAirline(airline.withPrice(p))).orElse(network);
        config.peers().keySet().stream().filter(id -> priced.airline(id).isEmpty()).forEach(id ->
                LOG.warn("peer {} is not an airline of the network; its answers will not match any segment", id));
        return new PasscomServer(config, priced, clock);
    }

    /** Opens the store (recovering unfinished transactions), then starts serving. Returns once listening. */
    public synchronized PasscomServer start() {
        if (jetty != null) {
            throw new IllegalStateException("already started");
        }
        long started = System.nanoTime();
        long nodeReady = started;
        if (config.openAccess()) {
            LOG.warn("OPEN ACCESS (--acesso-aberto): anyone who knows a CPF can list its bookings and their localizadores. "
                    + "A lab setting for the original clients; never on a network customers reach (docs/security.md)");
        }
        if (config.usesDevSecret()) {
            LOG.warn("using the built-in development federation secret; set PASSCOM_SECRET for anything but a demo");
        }
        try {
            DataDirectory.create(config.dataDir());
            tls = config.transport().tls().map(t -> new FederationTls(config.airline(), t.certificate(), t.key(), t.ca())).orElse(null);
            FederationSigner signer = new FederationSigner(config.secret(), config.previousSecret(), clock, SIGNATURE_WINDOW,
                    new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY));
            // The store opens, the seats are checked and unfinished transactions recovered on a thread of their own,
            // while this one builds the metrics and Jetty's server, connector and context (a second core's worth of
            // start-up; docs/PERFORMANCE.md "Start-up and the JVM"). No servlet exists and nothing listens until the
            // node is back, so no purchase or peer message is served before recovery (docs/purchase-protocol.md).
            NodeStart starting = NodeStart.begin(nodeConfig(), peers(signer));
            ServerMetrics serverMetrics;
            Server server;
            ServletContextHandler context;
            try {
                serverMetrics = new ServerMetrics(config.airline(), endpoints());
                server = jettyServer();
                context = new ServletContextHandler("/");
            } finally {
                node = starting.await(); // even when this thread failed, so that close() closes the node
            }
            nodeReady = System.nanoTime();
            metrics = serverMetrics;
            watch(serverMetrics, node);
            serve(server, context, node, signer, accounts(node, signer));
            jetty = server;
            listen(() -> {
                server.start();
                return server;
            }, "port " + config.port() + " on " + config.host() + " (customers and peers)", "; choose another with --port N");
            if (tls != null) {
                certificateReloader = new CertificateReloader(tls, CERTIFICATE_SCAN_SECONDS);
                certificateReloader.start();
            }
            if (config.metrics().port().isPresent()) {
                int metricsPort = config.metrics().port().get();
                metricsEndpoint = listen(() -> MetricsEndpoint.start(config.airline(), config.metrics().host(), metricsPort, serverMetrics),
                        "the metrics port " + metricsPort + " on " + config.metrics().host() + " (GET /metrics)",
                        ", perhaps by another instance of airline " + config.airline() + ": give this one its own with --metrics-port N,"
                                + " or --metrics-port 0 for any free one ('off' serves none)");
            }
        } catch (PortTaken e) {
            close();
            throw new IllegalStateException("airline " + config.airline() + " could not start: " + e.getMessage(), e.getCause());
        } catch (Exception e) {
            close();
            throw new IllegalStateException("airline " + config.airline() + " could not start on port " + config.port()
                    + ": " + e.getMessage(), e);
        }
        long now = System.nanoTime();
        LOG.info("airline {} listening on {} with peers {} (metrics {}, store {}, started in {} ms: node {} ms, Jetty {} ms)", config.airline(),
                uri(), config.peers(), metricsEndpoint == null ? "off" : metricsEndpoint.uri(), config.dataDir().toAbsolutePath().normalize(), (now - started) / 1_000_000,
                (nodeReady - started) / 1_000_000, (now - nodeReady) / 1_000_000);
        return this;
    }

    /** Where this server answers, e.g. http://127.0.0.1:65433 or https://127.0.0.1:65433 (with the real port when configured as 0). */
    public URI uri() {
        Server server = jetty;
        if (server == null || !server.isStarted()) {
            throw new IllegalStateException("not started");
        }
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
        return URI.create((config.transport().tls().isPresent() ? "https://" : "http://") + host + ":" + connector.getLocalPort());
    }

    public ServerConfig config() {
        return config;
    }

    /** Where {@code GET /metrics} answers (the admin port), if it is on. */
    public Optional<URI> metricsUri() {
        return Optional.ofNullable(metricsEndpoint).map(MetricsEndpoint::uri);
    }

    /**
     * Every method and path this server answers, on its customer and peer port and on its admin port (when on),
     * read from the servlets it registered: what the API descriptions must describe.
     */
    public Set<ServedOperations.Operation> operations() {
        if (jetty == null || !jetty.isStarted()) {
            throw new IllegalStateException("not started");
        }
        Set<ServedOperations.Operation> operations = new LinkedHashSet<>(ServedOperations.of(jetty));
        if (metricsEndpoint != null) {
            operations.addAll(metricsEndpoint.operations());
        }
        return operations;
    }

    /** The running node, for tests that check invariants behind the HTTP surface. */
    public AirlineNode node() {
        AirlineNode running = node;
        if (running == null) {
            throw new IllegalStateException("not started");
        }
        return running;
    }

    /** Stops accepting, finishes running requests, then stops the node and the peer client. Idempotent. */
    @Override
    public synchronized void close() {
        if (certificateReloader != null) {
            try {
                certificateReloader.stop();
            } catch (Exception e) {
                LOG.warn("airline {}: the certificate watcher did not stop cleanly: {}", config.airline(), e.toString());
            }
            certificateReloader = null;
        }
        if (metricsEndpoint != null) {
            try {
                metricsEndpoint.close();
            } catch (RuntimeException e) {
                LOG.warn("airline {}: {}", config.airline(), e.getMessage());
            }
            metricsEndpoint = null;
        }
        if (node != null) {
            node.stopFeeds(); // the feed streams never end by themselves; Jetty would wait for them
        }
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("airline {}: Jetty did not stop cleanly: {}", config.airline(), e.toString());
            }
            jetty = null;
        }
        if (node != null) {
            node.close();
            node = null;
        }
        if (!peerClients.isEmpty()) {
            for (PeerHttpClient client : peerClients) {
                try {
                    client.close();
                } catch (RuntimeException e) {
                    LOG.warn("airline {}: {}", config.airline(), e.toString());
                }
            }
            peerClients.clear();
            LOG.info("airline {} stopped", config.airline());
        }
    }

    /** The paths metrics label requests with: every customer and federation endpoint. */
    private static Set<String> endpoints() {
        Set<String> endpoints = new HashSet<>(CUSTOMER_PATHS);
        endpoints.addAll(FederationPaths.ALL);
        return endpoints;
    }

    /** The node reports outcomes and store commits to the metrics from now on, and its gauges read it. */
    private void watch(ServerMetrics serverMetrics, AirlineNode node) {
        serverMetrics.watch(node, new PeerProbe(node, List.copyOf(config.peers().keySet())));
        node.observe(serverMetrics);
        serverMetrics.watchLockedAccounts(() -> node.accounts().lockedAccounts());
    }

    private NodeConfig nodeConfig() {
        ServerConfig.Timing t = config.timing();
        return new NodeConfig(config.airline(), network, config.jdbcUrl(), t.peerTimeout(), t.searchTimeout(),
                t.staleHold(), t.retryBackoff(), clock);
    }

    /** One port per peer airline, each with its own client and executor: nothing a call to one peer holds is shared with another. */
    private Map<String, AirlinePort> peers(FederationSigner signer) {
        Map<String, AirlinePort> peers = new LinkedHashMap<>();
        config.peers().forEach((id, urls) -> peers.put(id, new HttpAirlinePort(id, urls, config.airline(), peerClient(id), signer,
                config.timing().searchTimeout(), config.timing().peerTimeout(), HttpAirlinePort.Limits.DEFAULT)));
        return peers;
    }

    private PeerHttpClient peerClient(String peer) {
        PeerHttpClient client = new PeerHttpClient("peer-http-" + config.airline() + "-" + peer, config.timing().searchTimeout(),
                HTTP_THREADS_PER_PEER, Optional.ofNullable(tls).map(t -> t.clientFor(peer)));
        peerClients.add(client);
        clientOf.put(peer, client);
        return client;
    }

    /** The accounts' wiring (issue 16): keys, tokens, peers, and the verifier of every federation airline's tokens. */
    private Accounting accounts(AirlineNode node, FederationSigner signer) {
        SigningKeys keys = SigningKeys.open(node.accounts(), clock);
        Map<String, PeerAccounts.Peer> peers = new LinkedHashMap<>();
        config.peers().forEach((id, urls) -> peers.put(id, new PeerAccounts.Peer(urls, clientOf.get(id))));
        PeerAccounts peerAccounts = new PeerAccounts(config.airline(), peers, signer, config.timing().peerTimeout());
        Set<String> federation = new HashSet<>(config.peers().keySet());
        federation.add(config.airline());
        TokenVerifier verifier = new TokenVerifier(federation,
                issuer -> issuer.equals(config.airline()) ? Optional.of(keys.publicKeys()) : peerAccounts.jwks(issuer), clock);
        FederatedAccounts accounts = new FederatedAccounts(node.accounts(), new AccessTokens(config.airline(), keys, clock), peerAccounts);
        return new Accounting(keys, accounts, new BearerToken(verifier));
    }

    /** What the account endpoints share. */
    private record Accounting(SigningKeys keys, FederatedAccounts accounts, BearerToken bearer) {
    }

    /** Jetty's server and connector, with nothing to serve yet ({@link #serve} adds that once the node has started). */
    private Server jettyServer() {
        Server server = new Server(new AirlineThreadPool(config.airline(), MAX_THREADS, 8));
        ServerConnector connector = connector(server, new HttpConfiguration());
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(Duration.ofSeconds(120).toMillis());
        // On stop, a kept-alive connection with no request on it is closed after this much idleness instead of Jetty's
        // 1 s: requests in flight still finish (the GracefulHandler waits for them), and new ones are refused anyway,
        // so the default only added a second to every stop (every test federation's, every restart's).
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE.toMillis());
        // The JDK's default listen backlog is 50: a burst of customers plus the peers' new connections
        // overflowed it, the kernel dropped SYNs, and peers gave up after the connect timeout ("unreachable").
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setStopAtShutdown(false);
        return server;
    }

    /** One servlet per endpoint of the started node, the filters, and the concurrency limits, as {@code server}'s handler. */
    private void serve(Server server, ServletContextHandler context, AirlineNode node, FederationSigner signer, Accounting accounting) {
        BearerToken bearer = accounting.bearer();
        FederatedAccounts accounts = accounting.accounts();
        Map<String, Function<AirlineNode, HttpServlet>> customer = Map.ofEntries(
                Map.entry("/caminhos_cliente", RouteSearchServlet::new),
                Map.entry("/comprar_cliente", n -> new PurchaseServlet(n, bearer)),
                Map.entry("/passagens_cliente", n -> new TicketListServlet(n, bearer, config.openAccess())),
                Map.entry("/cancelar_cliente", n -> new CancellationServlet(n, bearer)),
                Map.entry("/saude", HealthServlet::new),
                Map.entry("/assentos_cliente", SeatMapServlet::new),
                Map.entry("/rede", NetworkServlet::new),
                Map.entry("/cadastro", n -> new CadastroServlet(accounts)),
                Map.entry("/login", n -> new LoginServlet(accounts)),
                Map.entry("/login/renovar", n -> new RenewalServlet(accounts)),
                Map.entry("/logout", n -> new LogoutServlet(accounts)),
                Map.entry("/conta", n -> new AccountServlet(accounts, bearer, n)),
                Map.entry(JwksServlet.PATH, n -> new JwksServlet(accounting.keys())));
        Map<String, Function<AirlineNode, HttpServlet>> federation = Map.of(
                FederationPaths.PATHS, LocalPathsServlet::new,
                FederationPaths.VERSION, PathsVersionServlet::new,
                FederationPaths.TICKETS, LocalTicketsServlet::new,
                FederationPaths.PREPARE, PrepareServlet::new,
                FederationPaths.COMMIT, CommitServlet::new,
                FederationPaths.ABORT, AbortServlet::new,
                FederationPaths.DECISION, DecisionServlet::new,
                FederationPaths.PING, PingServlet::new,
                FederationPaths.FEED, AvailabilityFeedServlet::new,
                FederationPaths.SEATS, LocalSeatMapServlet::new);
        context.addFilter(new FilterHolder(new LogContextFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new RequestMetricsFilter(metrics)), "/*", EnumSet.of(DispatcherType.REQUEST));
        FilterHolder rateLimits = new FilterHolder(new RateLimitFilter(metrics, config.access().rateLimits()));
        customer.keySet().forEach(path -> context.addFilter(rateLimits, path, EnumSet.of(DispatcherType.REQUEST)));
        customer.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet.apply(node)), path));
        federation.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet.apply(node)), path));
        FilterHolder signatures = new FilterHolder(new SignatureFilter(signer));
        FederationPaths.ALL.forEach(path -> context.addFilter(signatures, path, EnumSet.of(DispatcherType.REQUEST)));
        if (tls != null) {
            // After the signature filter, which leaves the signer for this one to compare with the certificate.
            FilterHolder certificates = new FilterHolder(new PeerCertificateFilter());
            FederationPaths.ALL.forEach(path -> context.addFilter(certificates, path, EnumSet.of(DispatcherType.REQUEST)));
        }
        PeerAccountServlets.all(accounts).forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        context.addServlet(new ServletHolder(new UnknownPathServlet()), "/");

        // One look-up per request picks its limit; each limit counts only its own paths.
        PathLimits limited = new PathLimits(context)
                .limit(MAX_PREPARE_REQUESTS, MAX_SUSPEND, FederationPaths.PREPARE)
                .limit(MAX_CONTROL_REQUESTS, MAX_SUSPEND, FederationPaths.COMMIT, FederationPaths.ABORT, FederationPaths.DECISION,
                        FederationPaths.PING, FederationPaths.TICKETS)
                .limit(MAX_PATH_REQUESTS, MAX_SUSPEND, FederationPaths.PATHS, FederationPaths.VERSION, FederationPaths.SEATS)
                .limit(MAX_CUSTOMER_REQUESTS, MAX_SUSPEND, customer.keySet().toArray(String[]::new));

        server.setHandler(new GracefulHandler(limited));
    }

    /** Starts a listener; a port already bound by another process becomes a {@link PortTaken} naming it and the way out. */
    private static <T> T listen(Callable<T> listener, String port, String howToMove) throws Exception {
        try {
            return listener.call();
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new PortTaken(port + " is already in use" + howToMove, e);
                }
            }
            throw e;
        }
    }

    /**
     * A port this server must listen on is bound by another process. Named by what the port is for, since the
     * operator sees only the message: a second instance of an airline on one host once failed with "could not
     * start on port 65436: Failed to bind to /127.0.0.1:9433", blaming the free customer port for the metrics one.
     */
    private static final class PortTaken extends Exception {
        private static final long serialVersionUID = 1L;

        PortTaken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Plain HTTP/1.1, or HTTPS with the airline's certificate: the same HTTP settings either way; over TLS the
     * request customizer puts a client certificate, when the caller presented one, where
     * {@link PeerCertificateFilter} reads it, and plain HTTP on the port is answered 400 ({@link PlainHttpRefusal}).
     */
    private ServerConnector connector(Server server, HttpConfiguration http) {
        if (tls == null) {
            return new ServerConnector(server, new HttpConnectionFactory(http));
        }
        http.addCustomizer(new SecureRequestCustomizer());
        SslConnectionFactory ssl = new SslConnectionFactory(tls.server(), HttpVersion.HTTP_1_1.asString());
        return new ServerConnector(server, new PlainHttpRefusal(ssl), new HttpConnectionFactory(http));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
