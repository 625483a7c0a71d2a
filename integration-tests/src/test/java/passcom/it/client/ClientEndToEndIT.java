package passcom.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import passcom.client.api.RequestRejected;
import passcom.client.api.ServerEndpoint;
import passcom.core.route.NetworkLoader;
import passcom.it.Cluster;
import passcom.server.ServerConfig;

/**
 * The desktop client's API layer against a real federation of three servers in this JVM, over real HTTP on
 * 127.0.0.1: what a customer does in the window (search, buy, look up, cancel) and what happens when the
 * server the window is connected to goes away.
 *
 * <p>The servers are a {@link Cluster} (peers reach each other through its fault proxies, which pass every
 * call through unless a test arms them; these do not).
 */
class ClientEndToEndIT {

    private static final String CPF = "529.982.247-25";
    private static final String[] AIRLINES = {"A", "B", "C"};
    private static final ServerConfig.Timing SCENARIO_TIMING = new ServerConfig.Timing(
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(100));

    @TempDir
    Path dir;
    private Cluster federation;
    private PasscomClient client;

    @BeforeEach
    void startFederation() {
        federation = Cluster.start(NetworkLoader.loadDefault(), dir, SCENARIO_TIMING, AIRLINES);
        client = new PasscomClient(Arrays.stream(AIRLINES).map(a -> new ServerEndpoint(a, federation.uri(a))).toList());
    }

    @AfterEach
    void stopFederation() {
        federation.close();
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

        PassagensResposta listed = client.ticket(passagem.localizador(), CPF);
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
        assertThat(catchThrowableOfType(RequestRejected.class, () -> client.ticket(passagem.localizador(), CPF)).status()).isEqualTo(404);
    }

    @Test
    void when_the_connected_server_stops_then_the_next_search_fails_over_and_tells_the_listener() throws Exception {
        List<Failover> events = new CopyOnWriteArrayList<>();
        client.addFailoverListener(events::add);
        ServerEndpoint a = client.servers().get(0);
        client.connectTo(a);

        federation.stop("A");
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
        federation.awaitQuiet();
    }

}
