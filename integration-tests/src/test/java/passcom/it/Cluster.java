package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.store.TestStores;
import passcom.core.txn.Health;
import passcom.core.txn.NodeInspection;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * A federation of real servers in this JVM over real HTTP on 127.0.0.1, each with its own store under a
 * temporary folder. Peers reach each airline through its {@link FaultProxy}; customers reach it directly.
 * An airline can be stopped (graceful), crashed (its store closed under it, then the server stopped:
 * nothing more is written, as with kill -9), and restarted on its store (on a new port: peers reach it
 * through its proxy, and customers ask {@link #uri} again). Public for the scenarios of other packages (the
 * desktop client's tests), which use only starting, stopping and waiting for quiet.
 */
public final class Cluster implements AutoCloseable {

    /**
     * Generous prepare timeout and the default stale-hold time: the race tests release hundreds of buyers
     * at once on two shared cores, where a prepare can queue for seconds behind the bottleneck airline's
     * store; a tight timeout would turn that queueing into 503s, and early decision queries add load.
     */
    static final ServerConfig.Timing SCENARIO_TIMING = new ServerConfig.Timing(
            Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100));

    /** Set by the failsafe execution that runs the scenarios again with every airline on PostgreSQL. */
    static final boolean ON_POSTGRESQL = "postgresql".equals(System.getProperty("passcom.it.store"));

    /** Each airline's PostgreSQL database, kept across its restarts. */
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final RouteNetwork network;
    private final Path root;
    private final ServerConfig.Timing timing;
    /**
     * The scenario tests list bookings by CPF alone, the original contract, and send every customer's requests
     * from one address, so the cluster runs with {@code --acesso-aberto} and without rate limits unless a test
     * asks for the accounts' rules ({@link #startWithAccounts}: no open access, rate limits on).
     */
    private final boolean openAccess;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();
    private final Map<String, PasscomServer> servers = new LinkedHashMap<>();

    private Cluster(RouteNetwork network, Path root, ServerConfig.Timing timing, boolean openAccess) {
        this.network = network;
        this.root = root;
        this.timing = timing;
        this.openAccess = openAccess;
    }

    public static Cluster start(RouteNetwork network, Path root, String... airlines) {
        return start(network, root, SCENARIO_TIMING, airlines);
    }

    public static Cluster start(RouteNetwork network, Path root, ServerConfig.Timing timing, String... airlines) {
        return start(new Cluster(network, root, timing, true), airlines);
    }

    /** A cluster with the accounts' access rules (no --acesso-aberto): listing bookings needs a token. */
    public static Cluster startWithAccounts(RouteNetwork network, Path root, String... airlines) {
        return start(new Cluster(network, root, SCENARIO_TIMING, false), airlines);
    }

    private static Cluster start(Cluster cluster, String... airlines) {
        try {
            for (String airline : airlines) {
                cluster.proxies.put(airline, new FaultProxy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cluster.startServers(List.of(airlines));
        return cluster;
    }

    /**
     * Starts the airlines at once: each start waits mostly on its store and Jetty, not on the others (a peer
     * that is not up yet is only an unavailable feed for a moment, as when airlines start in any order).
     * About half a second less per scenario on two cores than starting them one by one.
     */
    private void startServers(List<String> airlines) {
        if (ON_POSTGRESQL) {
            // the databases one after another, as before: CREATE DATABASE copies one template, and older servers
            // refuse to while another session is copying it
            airlines.forEach(this::database);
        }
        Map<String, PasscomServer> started = new TreeMap<>();
        try {
            atOnce(airlines, airline -> {
                PasscomServer server = createServer(airline);
                synchronized (started) {
                    started.put(airline, server);
                }
            });
        } catch (RuntimeException | Error e) {
            started.values().forEach(PasscomServer::close); // no half-started federation left running into the next test
            throw e;
        }
        airlines.forEach(airline -> register(airline, started.get(airline)));
    }

    private void startServer(String airline) {
        register(airline, createServer(airline));
    }

    private String database(String airline) {
        synchronized (databases) {
            return databases.computeIfAbsent(airline, a -> TestStores.newPostgresDatabase("it_" + a));
        }
    }

    private PasscomServer createServer(String airline) {
        Map<String, URI> peers = new TreeMap<>();
        proxies.forEach((id, proxy) -> {
            if (!id.equals(airline)) {
                peers.put(id, proxy.uri());
            }
        });
        // Port 0: the server binds whatever port is free, with no window for another socket to take it
        // first; peers reach it only through its proxy, so the proxy is pointed at wherever it landed.
        ServerConfig config = ServerConfig.forTest(airline, root.resolve(airline))
                .withPort(0).withPeers(peers).withTiming(timing).withAccess(new ServerConfig.Access(openAccess, !openAccess));
        if (ON_POSTGRESQL) {
            config = config.withDbUrl(database(airline));
        }
        return PasscomServer.create(config, network).start();
    }

    private void register(String airline, PasscomServer server) {
        servers.put(airline, server);
        ports.put(airline, server.uri().getPort());
        proxies.get(airline).target(server.uri());
    }

    /** Where customers reach the airline now (it changes when the airline restarts). */
    public URI uri(String airline) {
        return URI.create("http://127.0.0.1:" + ports.get(airline));
    }

    FaultProxy proxy(String airline) {
        return proxies.get(airline);
    }

    PasscomServer server(String airline) {
        return servers.get(airline);
    }

    RouteNetwork network() {
        return network;
    }

    public void stop(String airline) {
        PasscomServer server = servers.remove(airline);
        if (server != null) {
            server.close();
        }
    }

    /** Closes the airline's store first, so nothing in flight gets written, then stops serving. */
    void crash(String airline) {
        PasscomServer server = servers.remove(airline);
        server.node().close();
        server.close();
    }

    void restart(String airline) {
        startServer(airline);
    }

    boolean isRunning(String airline) {
        return servers.containsKey(airline);
    }

    /** Waits until every running airline holds no seat and has nothing left to decide or deliver. */
    public void awaitQuiet() {
        try {
            await("every hold decided and every decision delivered", () -> servers.values().stream().allMatch(s -> {
                Health h = s.node().health();
                return h.heldSeats() == 0 && h.pendingTransactions() == 0;
            }));
        } catch (AssertionError e) {
            // say what is left, so that a failure on CI can be read without a rerun
            StringBuilder left = new StringBuilder(e.getMessage());
            servers.forEach((id, s) -> left.append(System.lineSeparator()).append(id).append(": ").append(s.node().backlog()));
            throw new AssertionError(left.toString(), e);
        }
    }

    SeatInventory.Count count(String airline, String from, String to) {
        return NodeInspection.of(servers.get(airline).node()).seatCounts().get(new Segment.Key(from, to));
    }

    /**
     * For every segment of every airline, free + held + sold = capacity; and the sold seats are exactly the
     * legs of the active bookings, seat for seat (every passenger's); and once the feeds settle, every server's image of
     * every airline equals that airline's counters ({@link ImageAudit}).
     */
    void assertInvariants() {
        Map<String, passcom.core.txn.AirlineNode> running = new TreeMap<>();
        servers.forEach((id, server) -> running.put(id, server.node()));
        ImageAudit.awaitImagesExact(running);
        Map<String, Booking> active = new TreeMap<>();
        servers.values().forEach(s -> NodeInspection.of(s.node()).knownBookings().forEach(b -> active.putIfAbsent(b.reference(), b)));
        servers.forEach((id, server) -> {
            Airline airline = network.airline(id).orElseThrow();
            NodeInspection node = NodeInspection.of(server.node());
            assertThat(node.recountSeats()).as("%s: seat rows agree with the counters", id).isEqualTo(node.seatCounts());
            node.seatCounts().forEach((segment, count) ->
                    assertThat(count.total()).as("%s %s: free+held+sold", id, segment).isEqualTo(airline.capacityOf(segment)));
            List<String> sold = new ArrayList<>();
            node.soldSeats().forEach(seat -> sold.add(seat.reference() + " " + seat.segment() + " #" + seat.number()));
            List<String> booked = new ArrayList<>();
            for (Booking booking : active.values()) {
                for (BookedLeg leg : booking.legs()) {
                    if (leg.airline().equals(id)) {
                        leg.seats().forEach(seat -> booked.add(booking.reference() + " " + leg.segment().key() + " #" + seat));
                    }
                }
            }
            assertThat(sold).as("%s: sold seats = legs of active bookings", id).containsExactlyInAnyOrderElementsOf(booked);
        });
    }

    /** Runs the action on every item, each on a thread of its own, and returns once all ended; rethrows the first failure. */
    private static <T> void atOnce(List<T> items, Consumer<T> action) {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CompletableFuture.allOf(items.stream()
                    .map(item -> CompletableFuture.runAsync(() -> action.accept(item), threads))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        } finally {
            threads.shutdown();
        }
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(25)).until(condition::getAsBoolean);
    }


    @Override
    public void close() {
        // Stopped at once: each stop waits for its own in-flight requests (a peer's feed stream ends only at its
        // next heartbeat), so one by one the waits add up to about a second per scenario.
        List<PasscomServer> running = new ArrayList<>(servers.values());
        servers.clear();
        atOnce(running, PasscomServer::close);
        proxies.values().forEach(FaultProxy::close);
    }
}
