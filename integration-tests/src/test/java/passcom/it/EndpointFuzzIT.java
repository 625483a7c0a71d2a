package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Json;
import passcom.core.txn.NodeInspection;
import passcom.server.ServerConfig;
import passcom.server.auth.FederationSigner;

/**
 * Hostile input on every endpoint of three real servers, customer and peer (signed with the federation's secret,
 * so the bodies reach the servlets, and unsigned): {@code passcom.fuzz.inputs} (100,000) seeded inputs from
 * {@link FuzzInputs} over HTTP, plus hand-written raw HTTP ({@link RawHttp}: bad request lines and headers,
 * truncated bodies, broken chunking, {@code Expect: 100-continue}, a slow body). Every answer must be below 500;
 * afterwards the only seats sold are those of purchases answered 200, the invariants hold, and every server
 * still answers a normal search, purchase and cancellation. The raw cases that once crashed a server are kept
 * in {@code fuzz/regressions.txt} and replayed first. {@code -Dpasscom.fuzz.seed=N} replays a run.
 */
class EndpointFuzzIT {

    private static final int INPUTS = Integer.getInteger("passcom.fuzz.inputs", 100_000);
    private static final int THREADS = 16;
    private static final List<String> AIRLINES = List.of("A", "B", "C");
    private static final List<String> CUSTOMER_PATHS = List.of("/caminhos_cliente", "/comprar_cliente", "/passagens_cliente",
            "/cancelar_cliente", "/saude", "/assentos_cliente", "/rede");
    private static final List<String> PEER_PATHS = List.of("/caminhos_servidor", "/passagens_servidor", "/comprar_servidor",
            "/confirmar_servidor", "/rollback", "/decisao_servidor", "/ping_servidor", "/assentos_servidor", "/versao_servidor");
    private static final List<String> ODD_PATHS = List.of("/", "/saude/", "/comprar_cliente/x", "/SAUDE", "/caminhos_cliente;x=1",
            "/%2e%2e/saude", "/passagens_cliente%00", "/a/b/c/d/e/f", "/comprar_cliente/../saude");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static Cluster cluster;
    private static final FederationSigner SIGNER = new FederationSigner(ServerConfig.DEV_SECRET, Clock.systemUTC(), Duration.ofSeconds(30));

    private final List<String> crashes = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> bought = Collections.synchronizedSet(new HashSet<>());
    private final AtomicLong sent = new AtomicLong();

    @BeforeAll
    static void start() {
        // Long peer timeouts: on a loaded machine a peer's slow answer would be a legitimate 503 ("did not answer"),
        // which this test cannot tell from a server failing on an input.
        cluster = Cluster.start(Networks.defaultNetwork(), dir, new ServerConfig.Timing(Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(1), Duration.ofMillis(100)), "A", "B", "C");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void when_every_endpoint_gets_hostile_input_then_no_5xx_no_change_from_a_rejected_request_and_servers_answer_after() throws Exception {
        long seed = Long.getLong("passcom.fuzz.seed", System.nanoTime());
        Map<String, Set<String>> soldBefore = soldSeats();
        replayRegressions();
        ExecutorService workers = Executors.newFixedThreadPool(THREADS + 1);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(workers.submit(() -> slowBodies(seed)));
            for (int w = 0; w < THREADS; w++) {
                int worker = w;
                done.add(workers.submit(() -> fuzz(new FuzzInputs(seed * 31 + worker), INPUTS / THREADS + (worker < INPUTS % THREADS ? 1 : 0))));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            workers.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("fuzz: %d inputs in %d ms (seed %d), %d answered 5xx, %d purchases accepted%n", sent.get(), millis, seed,
                crashes.size(), bought.size());
        if (!crashes.isEmpty()) {
            Files.writeString(Path.of("target", "fuzz-crashes.txt"), String.join("\n\n", crashes), StandardCharsets.UTF_8);
        }

        assertThat(sent.get()).as("inputs sent").isGreaterThanOrEqualTo(INPUTS);
        assertThat(crashes).as("answers with 5xx (seed %d; inputs in target/fuzz-crashes.txt)", seed).isEmpty();
        cluster.awaitQuiet();
        cluster.assertInvariants();
        assertOnlyAcceptedPurchasesSold(soldBefore);
        assertServersAnswerNormally();
    }

    private void fuzz(FuzzInputs in, int count) {
        for (int i = 0; i < count; i++) {
            String airline = AIRLINES.get(in.nextInt(3));
            try {
                if (in.chance(2)) {
                    raw(in, airline);
                } else {
                    call(in, airline);
                }
            } catch (IOException | InterruptedException e) {
                // a connection the server closed on a broken request: not a 5xx
            }
            sent.incrementAndGet();
        }
    }

    private void call(FuzzInputs in, String airline) throws IOException, InterruptedException {
        int group = in.nextInt(100);
        String path = group < 55 ? CUSTOMER_PATHS.get(in.nextInt(CUSTOMER_PATHS.size()))
                : group < 95 ? PEER_PATHS.get(in.nextInt(PEER_PATHS.size())) : ODD_PATHS.get(in.nextInt(ODD_PATHS.size()));
        if (path.equals("/comprar_servidor") && airline.equals("B")) {
            airline = "A"; // the fuzzed prepares name B as coordinator: B itself could not ask anyone about the hold
        }
        boolean post = List.of("/comprar_cliente", "/cancelar_cliente", "/comprar_servidor", "/confirmar_servidor", "/rollback").contains(path);
        String method = in.chance(85) ? (post ? "POST" : "GET") : METHODS.get(in.nextInt(METHODS.size()));
        String pathAndQuery = post || in.chance(10) ? path : path + "?" + in.query(path);
        String body = method.equals("GET") || method.equals("HEAD") ? "" : in.body(path);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.uri(airline) + pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        switch (in.nextInt(5)) {
            case 0 -> request.header("Content-Type", "text/plain");
            case 1 -> request.header("Content-Type", "application/json; charset=ISO-8859-1");
            case 2 -> { }
            default -> request.header("Content-Type", "application/json");
        }
        if (PEER_PATHS.contains(path) && in.chance(80)) {
            String sender = airline.equals("B") ? "A" : "B";
            Map<String, String> headers = new java.util.HashMap<>(SIGNER.sign(sender, method, pathAndQuery, bytes));
            if (in.chance(5)) {
                headers.put(FederationSigner.NONCE, in.trouble().replaceAll("[\\r\\n]", ""));
            }
            headers.forEach((name, value) -> {
                try {
                    request.header(name, value);
                } catch (IllegalArgumentException notAHeaderValue) {
                    // the client library refuses it; the raw cases send such bytes
                }
            });
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), method + " " + airline + pathAndQuery + "\n" + body, response.body());
        if (path.equals("/comprar_cliente") && response.statusCode() == 200) {
            bought.add(Json.mapper().readTree(response.body()).path("passagem").path("localizador").asText());
        }
    }

    /** Protocol-level trouble a client library would not send. */
    private void raw(FuzzInputs in, String airline) throws IOException {
        String json = in.body("/comprar_cliente");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String path = CUSTOMER_PATHS.get(in.nextInt(CUSTOMER_PATHS.size()));
        String host = "Host: 127.0.0.1\r\n";
        String head = switch (in.nextInt(12)) {
            case 0 -> "POST /comprar_cliente HTTP/1.1\r\n" + host + "Content-Length: " + (body.length + 50) + "\r\n\r\n"; // truncated
            case 1 -> "POST /comprar_cliente HTTP/1.1\r\n" + host + "Content-Length: abc\r\n\r\n";
            case 2 -> "POST /cancelar_cliente HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n";
            case 3 -> "POST /comprar_cliente HTTP/1.1\r\n" + host + "Expect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            case 4 -> "GET " + path + " HTTP/1.1\r\n" + host + "Garbage line without colon\r\n\r\n";
            case 5 -> "GET /saude HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n";
            case 6 -> "FOO " + path + " HTTP/1.1\r\n" + host + "\r\n";
            case 7 -> "GET /caminhos_cliente?origem=%zz&destino=%C3 HTTP/1.1\r\n" + host + "\r\n";
            case 8 -> "POST /comprar_cliente HTTP/1.1\r\n" + host + "Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            case 9 -> "GET /passagens_cliente?cpf=" + FuzzInputs.CPF + " HTTP/1.0\r\n\r\n";
            case 10 -> "GET /sa\u0000ude HTTP/1.1\r\n" + host + "X-Nul: a\u0000b\r\n\r\n";
            default -> "POST /comprar_servidor HTTP/1.1\r\n" + host + FederationSigner.SENDER + ": B\r\n" + FederationSigner.TIMESTAMP
                    + ": 99999999999999999999\r\n" + FederationSigner.NONCE + ": x\r\n" + FederationSigner.SIGNATURE + ": 00\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
        };
        int status = RawHttp.send(cluster.uri(airline), head, head.contains("Content-Length: abc") || head.contains("\r\nZZ\r\n") ? new byte[0] : body, 0);
        check(status, "raw to " + airline + ":\n" + head + json, "");
    }

    /** A few bodies sent one byte every 100 ms (slowloris), bounded: each server must still answer them, and others meanwhile. */
    private void slowBodies(long seed) {
        FuzzInputs in = new FuzzInputs(seed);
        for (int i = 0; i < 3; i++) {
            byte[] body = ("{\"cpf\":\"" + FuzzInputs.CPF + "\",\"localizador\":\"" + in.trouble().replaceAll("[^A-Z]", "") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String head = "POST /cancelar_cliente HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            try {
                int status = RawHttp.send(cluster.uri(AIRLINES.get(i)), head, body, 100);
                check(status, "slow body to " + AIRLINES.get(i), "");
            } catch (IOException e) {
                crashes.add("slow body to " + AIRLINES.get(i) + " got no answer: " + e);
            }
            sent.incrementAndGet();
        }
    }

    private void replayRegressions() throws IOException {
        try (InputStream in = EndpointFuzzIT.class.getResourceAsStream("/fuzz/regressions.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String entry : text.split("\n----\n")) {
                if (entry.isBlank() || entry.startsWith("#")) {
                    continue;
                }
                String raw = entry.strip().replace("\\r\\n", "\r\n");
                int split = raw.indexOf("\r\n\r\n") + 4;
                for (String airline : AIRLINES) {
                    check(RawHttp.send(cluster.uri(airline), raw.substring(0, split), raw.substring(split).getBytes(StandardCharsets.UTF_8), 0),
                            "regression case:\n" + entry, "");
                }
            }
        }
    }

    private void check(int status, String input, String answer) {
        if (status >= 500) {
            crashes.add(status + " for " + input + "\nanswer: " + answer);
        }
    }

    private static Map<String, Set<String>> soldSeats() {
        Map<String, Set<String>> sold = new java.util.TreeMap<>();
        for (String a : AIRLINES) {
            Set<String> seats = new HashSet<>();
            NodeInspection.of(cluster.server(a).node()).soldSeats().forEach(s -> seats.add(s.reference() + " " + s.segment() + " #" + s.number()));
            sold.put(a, seats);
        }
        return sold;
    }

    /** Every seat sold during the fuzz belongs to a purchase the fuzz was answered 200 for. */
    private void assertOnlyAcceptedPurchasesSold(Map<String, Set<String>> before) {
        soldSeats().forEach((airline, seats) -> {
            Set<String> added = new HashSet<>(seats);
            added.removeAll(before.get(airline));
            assertThat(added).as("seats sold on %s by the fuzz", airline).allMatch(seat -> bought.contains(seat.split(" ")[0]));
        });
    }

    private static void assertServersAnswerNormally() {
        for (String a : AIRLINES) {
            assertThat(Http.get(cluster.uri(a), "/caminhos_cliente", "origem", "Cuiabá", "destino", "Porto Alegre").status()).isEqualTo(200);
            assertThat(Http.get(cluster.uri(a), "/saude").status()).isEqualTo(200);
        }
        String cpf = Buyers.cpf(777_777);
        Http.Reply bought = Buyers.buy(cluster.uri("B"), cpf, List.of("A", "C"), List.of("Rio de Janeiro", "São Paulo", "Curitiba"));
        assertThat(bought.status()).as(bought.json().toString()).isIn(200, 409);
        if (bought.status() == 200) {
            String reference = bought.json().path("passagem").path("localizador").asText();
            assertThat(Http.post(cluster.uri("C"), "/cancelar_cliente", Map.of("cpf", cpf, "localizador", reference)).status()).isEqualTo(200);
        }
    }
}
