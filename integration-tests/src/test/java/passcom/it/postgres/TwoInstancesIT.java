package passcom.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.store.TestStores;
import passcom.core.txn.NodeInspection;
import passcom.it.Buyers;
import passcom.it.Fault;
import passcom.it.FaultProxy;
import passcom.it.FreePorts;
import passcom.it.Http;
import passcom.it.ImageAudit;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * Airline A runs as two instances (same id, other ports) sharing one PostgreSQL database; B and C as one
 * each. Peers list both of A's URLs. Real HTTP, real threads.
 */
class TwoInstancesIT {

    /** A's scarce leg; buyers of mixed itineraries reach it on B's ample Belo Horizonte → São Paulo. */
    private static final Segment.Key LEG = new Segment.Key("São Paulo", "Curitiba");
    private static final Segment.Key FEEDER = new Segment.Key("Belo Horizonte", "São Paulo");
    private static final List<String> MIXED_CITIES = List.of("Belo Horizonte", "São Paulo", "Curitiba");
    private static final ServerConfig.Timing TIMING = new ServerConfig.Timing(
            Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(100));

    private final Map<String, PasscomServer> servers = new LinkedHashMap<>();
    private final List<FaultProxy> proxies = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.values().forEach(PasscomServer::close);
        proxies.forEach(FaultProxy::close);
    }

    /** A1, A2 (one database), B, C; B is reached through {@code proxyOfB} (whose target is set here) unless it is null. */
    private void start(RouteNetwork network, FaultProxy proxyOfB) throws Exception {
        String dbA = TestStores.newPostgresDatabase("two_a");
        Map<String, String> db = Map.of("A1", dbA, "A2", dbA, "B", TestStores.newPostgresDatabase("two_b"),
                "C", TestStores.newPostgresDatabase("two_c"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String instance : List.of("A1", "A2", "B", "C")) {
            ports.put(instance, FreePorts.next());
        }
        Map<String, List<URI>> peers = new LinkedHashMap<>();
        peers.put("A", List.of(local(ports.get("A1")), local(ports.get("A2"))));
        peers.put("B", List.of(proxyOfB == null ? local(ports.get("B")) : proxyOfB.uri()));
        peers.put("C", List.of(local(ports.get("C"))));
        Path root = Files.createTempDirectory("passcom-two-instances-");
        for (String instance : List.of("A1", "A2", "B", "C")) {
            String airline = instance.substring(0, 1);
            ServerConfig config = ServerConfig.forTest(airline, root.resolve(instance)).withPort(ports.get(instance))
                    .withPeerInstances(peers).withTiming(TIMING).withDbUrl(db.get(instance))
                    .withAccess(new ServerConfig.Access(true, false)); // lists bookings by CPF, the original contract
            servers.put(instance, PasscomServer.create(config, network).start());
        }
        if (proxyOfB != null) {
            proxyOfB.target(servers.get("B").uri());
        }
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static RouteNetwork withSeats(int seats) {
        RouteNetwork network = NetworkLoader.loadDefault();
        Airline a = network.airline("A").orElseThrow();
        var capacityOfA = new java.util.TreeMap<>(a.capacity());
        capacityOfA.put(LEG, seats);
        Airline b = network.airline("B").orElseThrow();
        var capacityOfB = new java.util.TreeMap<>(b.capacity());
        capacityOfB.put(FEEDER, 100);
        return network.withAirline(a.withCapacity(capacityOfA)).withAirline(b.withCapacity(capacityOfB));
    }

    @Test
    void buyers_on_both_instances_of_a_and_on_b_and_c_never_oversell_and_each_seat_is_sold_once() throws Exception {
        start(withSeats(10), null);
        List<String> entry = List.of("A1", "A2", "B", "C");

        // 48 buyers for A's 10 seats on São Paulo → Curitiba, a third of them flying B's Belo Horizonte → São Paulo first.
        List<Http.Reply> replies = Buyers.race(48, i -> Buyers.buy(servers.get(entry.get(i % 4)).uri(), Buyers.cpf(i),
                i % 3 == 0 ? List.of("B", "A") : List.of("A"),
                i % 3 == 0 ? MIXED_CITIES : List.of("São Paulo", "Curitiba")));

        assertThat(Buyers.count(replies, 200)).as(Buyers.summary(replies)).isEqualTo(10);
        assertThat(Buyers.count(replies, 409)).as(Buyers.summary(replies)).isEqualTo(38);
        Set<Integer> seatsOfA = new TreeSet<>();
        for (Http.Reply reply : replies) {
            if (reply.status() == 200) {
                String reference = reply.json().path("passagem").path("localizador").asText();
                reply.json().path("passagem").path("trechos").forEach(leg -> {
                    if (leg.path("companhia").asText().equals("A") && leg.path("origem").asText().equals("São Paulo")) {
                        assertThat(seatsOfA.add(leg.path("assento").asInt())).as("seat %s sold once", leg).isTrue();
                    }
                });
                for (String instance : entry) {
                    String cpf = reply.json().path("passagem").path("cpf").asText();
                    Http.Reply listed = Http.get(servers.get(instance).uri(), "/passagens_cliente", "cpf", cpf);
                    assertThat(listed.json().toString()).as("%s lists booking %s", instance, reference).contains(reference);
                }
            }
        }
        assertThat(seatsOfA).containsExactlyElementsOf(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        awaitQuiet();
        assertThat(NodeInspection.of(servers.get("A1").node()).seatCounts().get(LEG)).isEqualTo(new SeatInventory.Count(0, 0, 10));
        assertThat(NodeInspection.of(servers.get("A2").node()).recountSeats().get(LEG)).isEqualTo(new SeatInventory.Count(0, 0, 10));
        ImageAudit.awaitImagesExact(Map.of("A", servers.get("A2").node(), "B", servers.get("B").node(), "C", servers.get("C").node()));
    }

    @Test
    void when_each_instance_of_a_sells_then_every_image_of_a_shows_both_instances_sales() throws Exception {
        start(withSeats(10), null);
        for (int i = 0; i < 5; i++) {
            String instance = i < 3 ? "A1" : "A2";
            Http.Reply bought = Buyers.buy(servers.get(instance).uri(), Buyers.cpf(300 + i), List.of("A"), List.of("São Paulo", "Curitiba"));
            assertThat(bought.status()).as(bought.erro()).isEqualTo(200);
        }
        awaitQuiet();

        // B and C subscribe to one of A's instances; each instance publishes what the other sold too (it reads the shared store).
        ImageAudit.awaitImagesExact(Map.of("A", servers.get("A1").node(), "B", servers.get("B").node(), "C", servers.get("C").node()));
        ImageAudit.awaitImagesExact(Map.of("A", servers.get("A2").node(), "B", servers.get("B").node(), "C", servers.get("C").node()));
        assertThat(servers.get("B").node().availabilityImages().get("A").state().free().get(LEG)).isEqualTo(5);
    }

    @Test
    void when_an_instance_of_a_dies_while_coordinating_then_the_other_finishes_its_transactions_within_five_seconds() throws Exception {
        FaultProxy proxyOfB = new FaultProxy();
        proxies.add(proxyOfB);
        start(withSeats(10), proxyOfB);
        // B holds seats for A1's purchases but its votes never get back: A1 is waiting when it dies.
        proxyOfB.set("/comprar_servidor", Fault.HOLD_REPLY);
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        List<Future<Http.Reply>> pending = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            pending.add(buyers.submit(() -> Buyers.buy(servers.get("A1").uri(), Buyers.cpf(100 + n), List.of("B", "A"), MIXED_CITIES)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> NodeInspection.of(servers.get("B").node()).seatCounts().get(FEEDER).held() == 4
                && NodeInspection.of(servers.get("A2").node()).seatCounts().get(LEG).held() == 4);

        PasscomServer a1 = servers.remove("A1");
        a1.node().close(); // as kill -9: nothing more is written, its lease is no longer renewed
        long died = System.nanoTime();
        proxyOfB.heal();
        a1.close();
        buyers.shutdownNow();

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                NodeInspection.of(servers.get("B").node()).seatCounts().get(FEEDER).held() == 0
                        && NodeInspection.of(servers.get("A2").node()).seatCounts().values().stream().allMatch(c -> c.held() == 0)
                        && servers.get("A2").node().health().pendingTransactions() == 0);
        long settledMillis = (System.nanoTime() - died) / 1_000_000;
        System.out.printf("two instances: A1's transactions finished by A2 %d ms after A1 died%n", settledMillis);

        // The seats were never sold, and the federation sells them normally without A1.
        assertThat(NodeInspection.of(servers.get("B").node()).seatCounts().get(FEEDER)).isEqualTo(new SeatInventory.Count(100, 0, 0));
        assertThat(NodeInspection.of(servers.get("A2").node()).seatCounts().get(LEG)).isEqualTo(new SeatInventory.Count(10, 0, 0));
        Http.Reply after = Buyers.buy(servers.get("B").uri(), Buyers.cpf(200), List.of("B", "A"), MIXED_CITIES);
        assertThat(after.status()).as(after.erro()).isEqualTo(200);
    }

    private void awaitQuiet() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).conditionEvaluationListener(c -> {
            if (c.getRemainingTimeInMS() < 600) {
                servers.forEach((id, server) -> System.out.println("not quiet: " + id + " " + server.node().health()));
            }
        }).until(() -> servers.values().stream().allMatch(s -> {
            var h = s.node().health();
            return h.heldSeats() == 0 && h.pendingTransactions() == 0;
        }));
    }
}
