package passcom.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.CaminhosResposta;
import passcom.api.CancelamentoResposta;
import passcom.api.CompraResposta;
import passcom.api.Passagem;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.client.api.Failover;
import passcom.client.api.PasscomClient;
import passcom.client.api.ServerEndpoint;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.txn.Health;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;
import passcom.it.FreePorts;

/**
 * The desktop client's API layer against a real federation of three servers in this JVM, over real HTTP on
 * 127.0.0.1: what a customer does in the window (search, buy, look up, cancel) and what happens when the
 * server the window is connected to goes away.
 *
 * <p>Servers are started here rather than through {@code passcom.it.Cluster}: that fixture is package-private
 * and routes peers through fault proxies, which these scenarios do not need.
 */
class ClientEndToEndIT {

    private static final String CPF = "529.982.247-25";
    private static final String[] AIRLINES = {"A", "B", "C"};
    private static final ServerConfig.Timing SCENARIO_TIMING = new ServerConfig.Timing(
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(100));

    @TempDir
    Path dir;
    private final Map<String, PasscomServer> servers = new LinkedHashMap<>();
    private PasscomClient client;

    @BeforeEach
    void startFederation() throws IOException {
        RouteNetwork network = NetworkLoader.loadDefault();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String airline : AIRLINES) {
            ports.put(airline, FreePorts.next());
        }
        List<ServerEndpoint> endpoints = new ArrayList<>();
        for (String airline : AIRLINES) {
            Map<String, URI> peers = new TreeMap<>();
            ports.forEach((id, port) -> {
                if (!id.equals(airline)) {
                    peers.put(id, local(port));
                }
            });
            ServerConfig config = ServerConfig.forTest(airline, dir.resolve(airline))
                    .withPort(ports.get(airline)).withPeers(peers).withTiming(SCENARIO_TIMING);
            servers.put(airline, PasscomServer.create(config, network).start());
            endpoints.add(new ServerEndpoint(airline, local(ports.get(airline))));
        }
        client = new PasscomClient(endpoints);
    }

    @AfterEach
    void stopFederation() {
        servers.values().forEach(PasscomServer::close);
    }

    @Test
    void when_searching_cuiaba_to_porto_alegre_then_shortest_and_cheapest_routes_come_from_all_airlines() throws Exception {
        CaminhosResposta answer = client.search("Cuiabá", "Porto Alegre");

        assertThat(answer.companhiasIndisponiveis()).isEmpty();
        assertThat(answer.maisCurtos()).isNotEmpty();
        assertThat(answer.maisBaratos()).isNotEmpty();
        assertThat(answer.maisBaratos()).allSatisfy(rota -> {
            assertThat(rota.caminho().get(1)).startsWith("Cuiabá").endsWith("Porto Alegre");
            assertThat(rota.trechos()).hasSize(rota.caminho().get(0).size());
        });
    }

    @Test
    void when_buying_the_cheapest_route_then_the_booking_is_listed_with_a_seat_per_leg_until_cancelled() throws Exception {
        Rota cheapest = client.search("Cuiabá", "Porto Alegre").maisBaratos().get(0);

        CompraResposta bought = client.buy(new PedidoCompra(CPF, cheapest.caminho(), UUID.randomUUID().toString()));

        assertThat(bought.resultado()).isEqualTo(CompraResposta.SUCESSO);
        Passagem passagem = bought.passagem();
        assertThat(passagem.localizador()).hasSize(6);
        assertThat(passagem.trechos()).hasSameSizeAs(cheapest.trechos())
                .allSatisfy(leg -> assertThat(leg.assento()).isPositive());
        assertThat(passagem.trechos()).extracting(leg -> leg.companhia())
                .containsExactlyElementsOf(cheapest.caminho().get(0));

        PassagensResposta listed = client.tickets(CPF);
        assertThat(listed.companhiasIndisponiveis()).isEmpty();
        assertThat(listed.passagens()).singleElement().satisfies(found -> {
            assertThat(found.localizador()).isEqualTo(passagem.localizador());
            assertThat(found.trechos()).extracting(leg -> leg.assento())
                    .containsExactlyElementsOf(passagem.trechos().stream().map(leg -> leg.assento()).toList());
        });

        CancelamentoResposta cancelled = client.cancel(CPF, passagem.localizador());

        assertThat(cancelled.resultado()).isEqualTo(CancelamentoResposta.SUCESSO);
        assertThat(cancelled.passagem().localizador()).isEqualTo(passagem.localizador());
        awaitQuiet();
        assertThat(client.tickets(CPF).passagens()).isEmpty();
    }

    @Test
    void when_the_connected_server_stops_then_the_next_search_fails_over_and_tells_the_listener() throws Exception {
        List<Failover> events = new CopyOnWriteArrayList<>();
        client.addFailoverListener(events::add);
        ServerEndpoint a = client.servers().get(0);
        client.connectTo(a);

        servers.remove("A").close();
        CaminhosResposta answer = client.search("Cuiabá", "Porto Alegre");

        assertThat(client.connected()).isNotEqualTo(a);
        assertThat(answer.servidor()).isEqualTo(client.connected().id());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.from()).isEqualTo(a);
            assertThat(event.to()).isEqualTo(client.connected());
        });
        assertThat(answer.companhiasIndisponiveis()).contains("A");
    }

    /** The cancellation answers once decided; releasing seats on the other airlines may still be in flight. */
    private void awaitQuiet() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!servers.values().stream().allMatch(ClientEndToEndIT::isQuiet)) {
            assertThat(Instant.now()).as("every airline quiet within 20 s").isBefore(deadline);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean isQuiet(PasscomServer server) {
        Health health = server.node().health();
        return health.heldSeats() == 0 && health.pendingTransactions() == 0;
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

}
