package passcom.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passcom.api.CaminhosResposta;
import passcom.api.CidadeRede;
import passcom.api.CompraResposta;
import passcom.api.MapaAssentos;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.client.api.PasscomClient;
import passcom.client.api.RequestRejected;
import passcom.client.api.ServerEndpoint;
import passcom.client.fake.FakeAirlineServer;
import passcom.core.route.NetworkLoader;
import passcom.it.Cluster;
import passcom.server.ServerConfig;

/**
 * The swing-client's {@link FakeAirlineServer} (which the client's own tests and screenshots run against) held to
 * the real servers' contract: the same requests, through the same {@link PasscomClient}, against the fake and
 * against a real federation of three servers in this JVM ({@link Cluster}), must give the same answers where the
 * contract fixes them (the network, the shortest distance, statuses of bad input, a purchase's shape and its
 * idempotency by {@code id_pedido}). Where the fake is allowed to differ (it lists its own alternatives and has more
 * seats), the test checks only the shape. A change to the real servers that the fake does not follow fails here.
 */
class FakeServerContractIT {

    private static final String CPF = "529.982.247-25";
    private static final String[] AIRLINES = {"A", "B", "C"};
    private static final ServerConfig.Timing TIMING = new ServerConfig.Timing(
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(100));

    @TempDir
    static Path dir;
    private static Cluster federation;
    private static FakeAirlineServer fake;
    private static PasscomClient real;
    private static PasscomClient stand;

    @BeforeAll
    static void start() throws Exception {
        federation = Cluster.start(NetworkLoader.loadDefault(), dir, TIMING, AIRLINES);
        real = new PasscomClient(Arrays.stream(AIRLINES).map(a -> new ServerEndpoint(a, federation.uri(a))).toList());
        fake = FakeAirlineServer.start("A");
        stand = new PasscomClient(List.of(fake.endpoint()));
    }

    @AfterAll
    static void stop() {
        if (fake != null) {
            fake.close();
        }
        if (federation != null) {
            federation.close();
        }
    }

    /** Both servers, named for the test report. */
    static Stream<String> servers() {
        return Stream.of("fake", "real");
    }

    private static PasscomClient client(String server) {
        return "fake".equals(server) ? stand : real;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void the_network_served_lists_the_same_cities_as_the_real_one(String server) throws Exception {
        List<String> cities = client(server).rede().orElseThrow().cidades().stream().map(CidadeRede::nome).sorted().toList();

        assertThat(cities).isEqualTo(real.rede().orElseThrow().cidades().stream().map(CidadeRede::nome).sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_search_lists_routes_from_origin_to_destination_and_the_shortest_is_as_long_as_the_real_one(String server) throws Exception {
        CaminhosResposta answer = client(server).search("Cuiabá", "Porto Alegre");

        assertThat(answer.origem()).isEqualTo("Cuiabá");
        assertThat(answer.destino()).isEqualTo("Porto Alegre");
        assertThat(answer.maisCurtos()).isNotEmpty().isSortedAccordingTo(Comparator.comparingInt(Rota::distanciaKm));
        assertThat(answer.maisBaratos()).isNotEmpty().isSortedAccordingTo(Comparator.comparing(Rota::preco));
        assertThat(Stream.concat(answer.maisCurtos().stream(), answer.maisBaratos().stream())).allSatisfy(route -> {
            assertThat(route.caminho().get(1)).startsWith("Cuiabá").endsWith("Porto Alegre");
            assertThat(route.trechos()).hasSize(route.caminho().get(0).size());
        });
        assertThat(answer.maisCurtos().get(0).distanciaKm())
                .isEqualTo(real.search("Cuiabá", "Porto Alegre").maisCurtos().get(0).distanciaKm());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_search_for_an_unknown_city_is_refused_with_the_real_status(String server) {
        assertThatThrownBy(() -> client(server).search("Atlântida", "Porto Alegre"))
                .isInstanceOf(RequestRejected.class)
                .satisfies(e -> assertThat(((RequestRejected) e).status()).isEqualTo(status(() -> real.search("Atlântida", "Porto Alegre"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_seat_map_lists_seats_of_the_leg_asked_for(String server) throws Exception {
        Rota route = client(server).search("Cuiabá", "Goiânia").maisCurtos().get(0);
        String airline = route.caminho().get(0).get(0);

        MapaAssentos seats = client(server).assentos(route.caminho().get(1).get(0), route.caminho().get(1).get(1), airline);

        assertThat(seats.livres()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_purchase_books_one_seat_per_leg_and_the_same_id_pedido_again_gets_the_same_booking(String server) throws Exception {
        PasscomClient client = client(server);
        Rota route = client.search("Cuiabá", "Porto Alegre").maisCurtos().get(0);
        PedidoCompra order = new PedidoCompra(CPF, route.caminho(), UUID.randomUUID().toString());

        CompraResposta bought = client.buy(order);
        CompraResposta again = client.buy(order);

        assertThat(bought.resultado()).isEqualTo(CompraResposta.SUCESSO);
        assertThat(bought.passagem().localizador()).hasSize(6);
        assertThat(bought.passagem().trechos()).hasSameSizeAs(route.trechos()).allSatisfy(leg -> assertThat(leg.assento()).isPositive());
        assertThat(bought.passagem().trechos()).extracting(leg -> leg.companhia()).containsExactlyElementsOf(route.caminho().get(0));
        assertThat(again.passagem().localizador()).isEqualTo(bought.passagem().localizador());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_purchase_with_an_invalid_cpf_is_refused_with_the_real_status(String server) throws Exception {
        Rota route = client(server).search("Cuiabá", "Goiânia").maisCurtos().get(0);
        PedidoCompra order = new PedidoCompra("111.111.111-12", route.caminho(), UUID.randomUUID().toString());

        assertThatThrownBy(() -> client(server).buy(order)).isInstanceOf(RequestRejected.class)
                .satisfies(e -> assertThat(((RequestRejected) e).status()).isEqualTo(status(() -> real.buy(order))));
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The status the real federation refuses a call with. */
    private static int status(Call call) {
        try {
            call.run();
        } catch (RequestRejected e) {
            return e.status();
        } catch (Exception e) {
            throw new AssertionError("the real server did not refuse the request with a status", e);
        }
        throw new AssertionError("the real server accepted the request");
    }
}
