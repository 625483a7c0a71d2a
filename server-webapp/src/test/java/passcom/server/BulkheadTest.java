package passcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.route.Airline;
import passcom.core.route.NetworkLoader;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.server.auth.FederationSigner;
import passcom.server.peer.PausedAirline;

/**
 * A paused airline stalls nothing that does not involve it. Airlines A and B are real servers; C is a
 * {@link PausedAirline} (accepts, never answers). While 340 customer calls at A go through C (five times A's customer limit), every
 * purchase among A and B, and every route search, still answers within the client's timeout; and while
 * stalled prepares fill A's prepare limit, the control calls that finish transactions still answer.
 * Counts answers; bounds are generous (15 s), never latencies.
 */
class BulkheadTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Long peer timeouts: a call that waits on C holds its customer slot this long, so without the bulkheads
     * the calls through C fill every slot for longer than the client waits; with them, no call takes longer.
     */
    private static final ServerConfig.Timing PATIENT = new ServerConfig.Timing(Duration.ofSeconds(6), Duration.ofSeconds(4),
            Duration.ofSeconds(5), Duration.ofMillis(200));
    private static final String CPF = "529.982.247-25";
    private static final String VIA_C = "[[\"A\",\"C\"],[\"Cuiabá\",\"Goiânia\",\"Campo Grande\"]]";
    private static final String A_ONLY = "[[\"A\"],[\"Vitória\",\"Rio de Janeiro\"]]";
    private static final String A_AND_B = "[[\"A\",\"B\"],[\"São Paulo\",\"Curitiba\",\"Florianópolis\"]]";
    private static final String B_ONLY = "[[\"B\"],[\"Belo Horizonte\",\"Vitória\"]]";
    private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

    @TempDir
    static Path root;
    private static PausedAirline airlineC;
    private static PasscomServer airlineA;
    private static PasscomServer airlineB;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        // A seat for every purchase through C: were they to contend for A's leg, core's retries with backoff would
        // hold customer slots too, and this test would measure that instead of the bulkheads.
        RouteNetwork network = roomy(NetworkLoader.loadDefault(), 40, new Segment.Key("Cuiabá", "Goiânia"), 200);
        airlineC = new PausedAirline();
        // B only takes part (A coordinates), so it needs no route back to A.
        airlineB = PasscomServer.create(ServerConfig.forTest("B", root.resolve("B")).withTiming(PATIENT)
                .withPeers(Map.of("C", airlineC.uri())), network).start();
        airlineA = PasscomServer.create(ServerConfig.forTest("A", root.resolve("A")).withTiming(PATIENT)
                .withPeers(Map.of("B", airlineB.uri(), "C", airlineC.uri())), network).start();
    }

    @AfterAll
    static void stop() throws Exception {
        airlineA.close();
        airlineB.close();
        airlineC.close();
    }

    @Test
    void when_c_is_paused_and_more_calls_than_customer_slots_wait_on_it_then_purchases_and_searches_among_a_and_b_all_answer() throws Exception {
        List<CompletableFuture<Integer>> viaC = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            viaC.add(status(() -> purchase(airlineA, VIA_C)));
        }
        // Searches ask every airline, so each waits on C too, and they only read: load on A's slots, not its store.
        for (int i = 0; i < 300; i++) {
            viaC.add(status(() -> get(airlineA, "/caminhos_cliente?origem=" + enc("Cuiabá") + "&destino=" + enc("Campo Grande"))));
        }
        awaitConnections(airlineC, 20);

        List<CompletableFuture<Integer>> purchases = new ArrayList<>();
        List<CompletableFuture<Integer>> searches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            purchases.add(status(() -> purchase(airlineA, A_ONLY)));
            purchases.add(status(() -> purchase(airlineA, A_AND_B)));
            purchases.add(status(() -> purchase(airlineB, B_ONLY)));
            searches.add(status(() -> get(airlineA, "/caminhos_cliente?origem=" + enc("Vitória") + "&destino=" + enc("Rio de Janeiro"))));
            searches.add(status(() -> get(airlineB, "/caminhos_cliente?origem=" + enc("São Paulo") + "&destino=" + enc("Curitiba"))));
        }

        assertThat(answers(purchases)).as("purchases not involving C").allMatch(s -> s == 200 || s == 409).hasSize(60);
        assertThat(answers(searches)).as("route searches").containsOnly(200).hasSize(40);
        assertThat(answers(viaC)).as("calls through C end too, as answers").allMatch(s -> s > 0);
    }

    @Test
    void when_stalled_prepares_fill_the_prepare_limit_then_commit_abort_decision_ping_and_paths_still_answer() throws Exception {
        FederationSigner signer = new FederationSigner(ServerConfig.DEV_SECRET, Clock.systemUTC(), Duration.ofSeconds(30));
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < PasscomServer.MAX_PREPARE_REQUESTS + 8; i++) {
                stalled.add(stalledPrepare(airlineA.uri(), signer));
            }
            awaitPreparesBlocked(signer);

            List<CompletableFuture<Integer>> control = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                control.add(status(() -> signed(signer, "GET", "/ping_servidor", "")));
                control.add(status(() -> signed(signer, "GET", "/decisao_servidor?id_transacao=bulkhead-" + REQUEST_IDS.incrementAndGet(), "")));
                control.add(status(() -> signed(signer, "POST", "/rollback", "{\"id_transacao\":\"bulkhead-" + REQUEST_IDS.incrementAndGet() + "\"}")));
                control.add(status(() -> signed(signer, "GET", "/caminhos_servidor?origem=" + enc("Cuiabá") + "&destino=" + enc("Goiânia"), "")));
                control.add(status(() -> signed(signer, "GET", "/passagens_servidor?cpf=52998224725", "")));
            }

            assertThat(answers(control)).containsOnly(200).hasSize(25);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** A signed prepare whose body never finishes arriving: its request thread blocks reading it, inside the prepare limit. */
    private static Socket stalledPrepare(URI server, FederationSigner signer) throws Exception {
        byte[] body = ("{\"id_transacao\":\"stalled\",\"padding\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST /comprar_servidor HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        signer.sign("B", "POST", "/comprar_servidor", body).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body, 0, 10);
        out.flush();
        return socket;
    }

    /** Until a complete prepare gets no answer for a while: every prepare slot is taken by a stalled one. */
    private static void awaitPreparesBlocked(FederationSigner signer) {
        String prepare = "{\"id_transacao\":\"probe\"}";
        await("the stalled prepares fill the prepare limit").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).until(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(airlineA.uri() + "/comprar_servidor"))
                    .timeout(Duration.ofMillis(500)).POST(HttpRequest.BodyPublishers.ofString(prepare));
            signer.sign("B", "POST", "/comprar_servidor", prepare.getBytes(StandardCharsets.UTF_8)).forEach(request::header);
            try {
                HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
                return false;
            } catch (HttpTimeoutException blocked) {
                return true;
            }
        });
    }

    private static void awaitConnections(PausedAirline paused, int atLeast) {
        await("calls waiting on the paused airline").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(paused.connections()).isGreaterThanOrEqualTo(atLeast));
    }

    /** Every status, waiting at most the client timeout for all; a call with no answer in time counts as -1. */
    private static List<Integer> answers(List<CompletableFuture<Integer>> calls) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            try {
                statuses.add(call.get(CLIENT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                statuses.add(-1);
            }
        }
        return statuses;
    }

    private static CompletableFuture<Integer> status(Supplier<HttpRequest> request) {
        return HTTP.sendAsync(request.get(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .exceptionally(failure -> -1);
    }

    private static HttpRequest purchase(PasscomServer server, String path) {
        String body = "{\"cpf\":\"" + CPF + "\",\"caminho\":" + path + ",\"id_pedido\":\"bulkhead-" + REQUEST_IDS.incrementAndGet() + "\"}";
        return HttpRequest.newBuilder(URI.create(server.uri() + "/comprar_cliente")).timeout(CLIENT_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(PasscomServer server, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery)).timeout(CLIENT_TIMEOUT).GET().build();
    }

    private static HttpRequest signed(FederationSigner signer, String method, String pathAndQuery, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(airlineA.uri() + pathAndQuery)).timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signer.sign("B", method, pathAndQuery, body.getBytes(StandardCharsets.UTF_8)).forEach(request::header);
        return request.build();
    }

    /** Every airline with {@code seats} on every segment (more on one), so purchases mostly buy instead of selling out. */
    private static RouteNetwork roomy(RouteNetwork network, int seats, Segment.Key busiest, int busiestSeats) {
        RouteNetwork result = network;
        for (Airline airline : network.airlines()) {
            Map<Segment.Key, Integer> capacity = new TreeMap<>();
            airline.capacity().keySet().forEach(key -> capacity.put(key, key.equals(busiest) ? busiestSeats : seats));
            result = result.withAirline(airline.withCapacity(capacity));
        }
        return result;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
