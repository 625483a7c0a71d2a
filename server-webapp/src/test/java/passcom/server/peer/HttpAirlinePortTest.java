package passcom.server.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.txn.TxnId;
import passcom.core.cpf.Cpf;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import passcom.core.route.Segment;
import passcom.core.time.Ticker;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.txn.AirlineUnreachable;
import passcom.core.txn.ConflictingDecision;
import passcom.core.txn.AbortReason;
import passcom.core.txn.Decision;
import passcom.core.txn.Prepare;
import passcom.core.txn.TxnKind;
import passcom.core.txn.Vote;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;
import passcom.server.auth.FederationSigner;

/** The HTTP port against a real server of airline A: answers, refusals and the failures that mean "unreachable". */
class HttpAirlinePortTest {

    private static final Cpf CPF = Cpf.parse("52998224725");
    private static final PeerHttpClient CLIENT = new PeerHttpClient("test-peer-http", Duration.ofSeconds(2), 4);
    /** For reading /saude as a customer would. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;
    private static PasscomServer airlineA;

    @BeforeAll
    static void start() {
        airlineA = PasscomServer.create(ServerConfig.forTest("A", dataDir)).start();
    }

    @AfterAll
    static void stop() {
        airlineA.close();
        CLIENT.close();
    }

    @Test
    void when_the_peer_answers_then_paths_votes_and_decisions_arrive_as_core_types() {
        HttpAirlinePort a = port(airlineA.uri(), ServerConfig.DEV_SECRET);

        AirlinePaths paths = a.paths("Cuiabá", "Goiânia").join();
        Vote vote = a.prepare(new Prepare(new TxnId("port-test-1"), "B", TxnKind.PURCHASE, CPF, null,
                List.of(new Segment.Key("Cuiabá", "Goiânia")))).join();
        a.abort(new TxnId("port-test-1")).join();
        Decision decision = a.decision(new TxnId("port-test-unknown")).join();
        a.ping().join();

        assertThat(paths.airline()).isEqualTo("A");
        assertThat(paths.paths()).contains(List.of("Cuiabá", "Goiânia"));
        assertThat(vote).isInstanceOf(Vote.Held.class);
        assertThat(((Vote.Held) vote).legs()).singleElement().satisfies(leg -> assertThat(leg.seats()).hasSize(1));
        assertThat(decision).isEqualTo(new Decision.Aborted());
        assertThat(a.tickets(CPF).join().airline()).isEqualTo("A");
    }

    @Test
    void when_the_peer_rejects_a_prepare_as_invalid_then_it_is_a_refusal_not_an_outage() {
        HttpAirlinePort a = port(airlineA.uri(), ServerConfig.DEV_SECRET);

        Vote vote = a.prepare(new Prepare(new TxnId("port-test-2"), "B", TxnKind.PURCHASE, CPF, null,
                List.of(new Segment.Key("Cuiabá", "Porto Alegre")))).join();

        assertThat(vote).isInstanceOf(Vote.Refused.class);
    }

    @Test
    void when_the_peer_answers_a_prepare_4xx_then_it_is_a_refusal_by_that_airline_naming_the_status_not_sold_out() {
        HttpAirlinePort a = port(airlineA.uri(), ServerConfig.DEV_SECRET);

        // A leg between cities the peer's network does not have: the peer answers 4xx before it holds anything.
        Vote vote = a.prepare(new Prepare(new TxnId("port-test-4xx"), "B", TxnKind.PURCHASE, CPF, null,
                List.of(new Segment.Key("Atlântida", "Goiânia")))).join();

        assertThat(vote).isInstanceOf(Vote.Refused.class);
        Vote.Refused refused = (Vote.Refused) vote;
        assertThat(refused.why()).as(refused.reason()).isEqualTo(AbortReason.REFUSED_BY_AIRLINE);
        assertThat(refused.reason()).startsWith("a companhia A recusou o pedido (HTTP 400): ").contains("Atlântida → Goiânia não existe na rede");
    }

    @Test
    void when_the_peer_has_another_secret_then_every_call_is_unreachable() {
        HttpAirlinePort a = port(airlineA.uri(), "wrong-secret");

        assertUnreachable(() -> a.ping().join(), "401");
        assertUnreachable(() -> a.prepare(new Prepare(new TxnId("port-test-3"), "B", TxnKind.PURCHASE, CPF, null,
                List.of(new Segment.Key("Cuiabá", "Goiânia")))).join(), "401");
    }

    @Test
    void when_nothing_listens_then_the_failure_says_connection_refused_at_that_url_not_no_answer() throws IOException {
        URI dead = PausedAirline.deadAirline();
        HttpAirlinePort nobody = port(dead, ServerConfig.DEV_SECRET);

        assertUnreachable(() -> nobody.abort(new TxnId("port-test-4")).join(), "conexão recusada em " + dead);
        assertUnreachable(() -> nobody.paths("Cuiabá", "Goiânia").join(), "conexão recusada em " + dead);
        assertThatThrownBy(() -> nobody.ping().join()).cause().hasMessageNotContaining("sem resposta");
    }

    @Test
    void when_the_peer_accepts_but_never_answers_then_the_failure_says_no_answer_within_the_timeout() throws IOException {
        try (PausedAirline paused = new PausedAirline()) {
            HttpAirlinePort silent = port(List.of(paused.uri()), ServerConfig.DEV_SECRET, Duration.ofMillis(300), Duration.ofMillis(500), 32);

            // the message says how long the attempt waited: the timeout, less what passed before the request left
            // (a millisecond or more on a loaded machine)
            assertThatThrownBy(() -> silent.abort(new TxnId("port-test-5")).join()).cause().isInstanceOf(AirlineUnreachable.class)
                    .hasMessageContaining("Companhia A").hasMessageMatching("(?s).*sem resposta em (4[5-9]\\d|500) ms.*");
            assertThatThrownBy(() -> silent.ping().join()).cause().isInstanceOf(AirlineUnreachable.class)
                    .hasMessageContaining("Companhia A").hasMessageMatching("(?s).*sem resposta em (2[5-9]\\d|300) ms.*");
            assertThatThrownBy(() -> silent.ping().join()).cause().hasMessageNotContaining("recusada");
        }
    }

    @Test
    void when_the_first_instance_is_down_then_the_next_answers_and_is_tried_first_from_then_on() throws IOException {
        try (PausedAirline paused = new PausedAirline()) {
            HttpAirlinePort downFirst = port(List.of(PausedAirline.deadAirline(), airlineA.uri()), ServerConfig.DEV_SECRET);
            HttpAirlinePort pausedFirst = port(List.of(paused.uri(), airlineA.uri()), ServerConfig.DEV_SECRET,
                    Duration.ofSeconds(2), Duration.ofSeconds(2), 32);

            downFirst.ping().join();
            assertThat(downFirst.paths("Cuiabá", "Goiânia").join().airline()).isEqualTo("A");
            pausedFirst.abort(new TxnId("port-test-6")).join();
            pausedFirst.abort(new TxnId("port-test-6")).join();
            pausedFirst.ping().join();

            assertThat(paused.connections()).as("the paused instance is tried once, then the one that answered").isEqualTo(1);
        }
    }

    @Test
    void when_every_instance_fails_then_the_failure_names_each_url_and_arrives_within_the_timeout() throws IOException {
        try (PausedAirline paused = new PausedAirline()) {
            URI dead = PausedAirline.deadAirline();
            HttpAirlinePort neither = port(List.of(dead, paused.uri()), ServerConfig.DEV_SECRET,
                    Duration.ofMillis(400), Duration.ofMillis(600), 32);

            long started = System.nanoTime();
            assertUnreachable(() -> neither.abort(new TxnId("port-test-7")).join(), "conexão recusada em " + dead);
            assertUnreachable(() -> neither.abort(new TxnId("port-test-7")).join(), "em " + paused.uri());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void when_a_silent_peer_already_has_its_limit_of_calls_in_flight_then_one_more_fails_at_once_and_the_limit_frees_later() throws Exception {
        try (PausedAirline paused = new PausedAirline()) {
            AtomicLong now = new AtomicLong();
            // Timeouts long enough that no call times out before the assertions on what is still in flight, even on a
            // loaded machine (at 500 ms a busy CI machine let the first ping time out before it was looked at).
            HttpAirlinePort limited = port(List.of(paused.uri()), ServerConfig.DEV_SECRET, Duration.ofSeconds(2), Duration.ofSeconds(2),
                    new HttpAirlinePort.Limits(1, 1, 2), now::get);
            now.addAndGet(Bulkhead.SILENT_NANOS + 1); // it has answered nothing for longer than the silence window

            CompletableFuture<Void> abort1 = limited.abort(new TxnId("port-test-8a"));
            CompletableFuture<Void> abort2 = limited.abort(new TxnId("port-test-8b"));
            CompletableFuture<Void> abort3 = limited.abort(new TxnId("port-test-8c"));
            CompletableFuture<Void> ping1 = limited.ping();
            CompletableFuture<Void> ping2 = limited.ping();

            assertThat(abort3).as("a third abort").isCompletedExceptionally();
            assertUnreachable(abort3::join, "sobrecarregada: 2 confirmações ou cancelamentos");
            assertThat(ping1).as("searches have their own limit").isNotDone();
            assertUnreachable(ping2::join, "sobrecarregada: 1 consultas");
            assertThat(limited.inFlight()).isEqualTo(3);
            for (CompletableFuture<?> call : List.of(abort1, abort2, ping1)) {
                assertThatThrownBy(call::join).cause().isInstanceOf(AirlineUnreachable.class).hasMessageContaining("sem resposta");
            }
            assertThat(limited.inFlight()).isZero();
            assertThat(limited.ping()).as("a place is free again").isNotDone();
        }
    }

    @Test
    void when_a_real_server_gets_a_commit_for_a_transaction_it_aborted_then_it_refuses_it_and_saude_counts_it() throws Exception {
        HttpAirlinePort a = port(airlineA.uri(), ServerConfig.DEV_SECRET);
        a.abort(new TxnId("port-test-conflict")).join();
        var booking = new passcom.core.booking.Booking("KKKKKK", CPF, List.of(new passcom.core.booking.BookedLeg(
                new Segment("Cuiabá", "Goiânia", 890), "A", 1, passcom.core.money.Money.ofCents(100_00))), java.time.Instant.now(), "B");
        long before = saude().get("decisoes_conflitantes").asLong();

        assertThatThrownBy(() -> a.commit(new passcom.core.txn.Commit(new TxnId("port-test-conflict"), TxnKind.PURCHASE, booking)).join())
                .cause().isInstanceOf(ConflictingDecision.class);

        assertThat(saude().get("decisoes_conflitantes").asLong()).isEqualTo(before + 1);
        assertThat(a.tickets(CPF).join().bookings()).noneMatch(b -> b.reference().equals("KKKKKK"));
    }

    @Test
    void when_commits_to_a_real_server_go_as_one_batch_then_each_is_answered_as_if_sent_alone() throws Exception {
        HttpAirlinePort a = port(airlineA.uri(), ServerConfig.DEV_SECRET);
        List<passcom.core.txn.Commit> commits = new java.util.ArrayList<>();
        for (String txn : List.of("port-batch-1", "port-batch-2")) {
            Vote.Held held = (Vote.Held) a.prepare(new Prepare(new TxnId(txn), "B", TxnKind.PURCHASE, CPF, null,
                    List.of(new Segment.Key("Cuiabá", "Goiânia")))).join();
            commits.add(commitOf(txn, "BT" + txn.charAt(txn.length() - 1) + "AAA", held.legs().get(0).seats().get(0)));
        }
        a.abort(new TxnId("port-batch-aborted")).join();
        commits.add(commitOf("port-batch-aborted", "BTXAAA", 1));
        long conflictsBefore = saude().get("decisoes_conflitantes").asLong();

        List<CompletableFuture<Void>> answers = a.commitAll(commits);

        answers.get(0).join();
        answers.get(1).join();
        assertThatThrownBy(() -> answers.get(2).join()).cause().isInstanceOf(ConflictingDecision.class).hasMessageContaining("abort");
        assertThat(a.tickets(CPF).join().bookings()).extracting(passcom.core.booking.Booking::reference)
                .contains("BT1AAA", "BT2AAA").doesNotContain("BTXAAA");
        assertThat(saude().get("decisoes_conflitantes").asLong()).isEqualTo(conflictsBefore + 1);
    }

    @Test
    void when_a_peer_from_before_batches_refuses_a_batch_then_each_commit_goes_alone_from_then_on() throws IOException {
        List<String> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        HttpServer older = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        older.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            // what a server before batches answers: the body has no id_transacao of its own
            boolean batch = body.contains("\"confirmacoes\"");
            byte[] answer = (batch ? "{\"erro\":\"O campo 'id_transacao' é obrigatório\"}" : "{\"resultado\":\"ok\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(batch ? 400 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        older.start();
        try {
            HttpAirlinePort port = port(URI.create("http://127.0.0.1:" + older.getAddress().getPort()), ServerConfig.DEV_SECRET);

            port.commitAll(List.of(commitOf("old-1", "OLDAAA", 1), commitOf("old-2", "OLDBBB", 2), commitOf("old-3", "OLDCCC", 3)))
                    .forEach(CompletableFuture::join);
            port.commitAll(List.of(commitOf("old-4", "OLDDDD", 4), commitOf("old-5", "OLDEEE", 5))).forEach(CompletableFuture::join);

            assertThat(bodies).hasSize(6);
            assertThat(bodies.get(0)).contains("confirmacoes");
            assertThat(bodies.subList(1, 6)).noneMatch(body -> body.contains("confirmacoes"))
                    .anySatisfy(body -> assertThat(body).contains("old-1"))
                    .anySatisfy(body -> assertThat(body).contains("old-5"));
        } finally {
            older.stop(0);
        }
    }

    private static passcom.core.txn.Commit commitOf(String txn, String reference, int seat) {
        var booking = new passcom.core.booking.Booking(reference, CPF, List.of(new passcom.core.booking.BookedLeg(
                new Segment("Cuiabá", "Goiânia", 890), "A", seat, passcom.core.money.Money.ofCents(100_00))), java.time.Instant.now(), "B");
        return new passcom.core.txn.Commit(new TxnId(txn), TxnKind.PURCHASE, booking);
    }

    private static com.fasterxml.jackson.databind.JsonNode saude() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(airlineA.uri().resolve("/saude")).build(),
                HttpResponse.BodyHandlers.ofString());
        return passcom.api.Json.mapper().readTree(response.body());
    }

    @Test
    void when_a_live_peer_is_busy_then_calls_past_the_limit_wait_for_a_place_and_are_answered() throws IOException {
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        slow.createContext("/", exchange -> {
            try {
                Thread.sleep(150); // the slowness under test: a live airline that takes 150 ms per answer, not a wait for the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
        try {
            HttpAirlinePort limited = port(List.of(URI.create("http://127.0.0.1:" + slow.getAddress().getPort())), ServerConfig.DEV_SECRET,
                    Duration.ofSeconds(3), Duration.ofSeconds(3), new HttpAirlinePort.Limits(1, 1, 1));
            limited.ping().join(); // it answers

            List<CompletableFuture<Void>> aborts = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                aborts.add(limited.abort(new TxnId("port-test-busy-" + i)));
            }

            for (CompletableFuture<Void> abort : aborts) {
                abort.join();
            }
            assertThat(limited.inFlight()).isZero();
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void when_a_commit_or_abort_is_answered_409_then_the_future_fails_with_the_conflict_not_an_acknowledgement() throws IOException {
        HttpServer conflicting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        conflicting.createContext("/", exchange -> {
            byte[] body = "{\"erro\":\"a transação t-9 já foi abortada aqui\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        conflicting.start();
        try {
            HttpAirlinePort port = port(URI.create("http://127.0.0.1:" + conflicting.getAddress().getPort()), ServerConfig.DEV_SECRET);

            assertThatThrownBy(() -> port.abort(new TxnId("t-9")).join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ConflictingDecision.class).hasMessageContaining("já foi abortada");
            assertThat(port.prepare(new Prepare(new TxnId("t-9"), "B", TxnKind.PURCHASE, CPF, null,
                    List.of(new Segment.Key("Cuiabá", "Goiânia")))).join()).isInstanceOf(Vote.Refused.class);
        } finally {
            conflicting.stop(0);
        }
    }

    private static void assertUnreachable(Runnable call, String mentions) {
        assertThatThrownBy(call::run).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(AirlineUnreachable.class)
                .hasMessageContaining("Companhia A")
                .hasMessageContaining(mentions);
    }

    private static HttpAirlinePort port(URI uri, String secret) {
        return port(List.of(uri), secret);
    }

    private static HttpAirlinePort port(List<URI> instances, String secret) {
        return port(instances, secret, Duration.ofSeconds(2), Duration.ofSeconds(3), HttpAirlinePort.Limits.DEFAULT);
    }

    private static HttpAirlinePort port(List<URI> instances, String secret, Duration searchTimeout, Duration peerTimeout, int maxInFlight) {
        return port(instances, secret, searchTimeout, peerTimeout, new HttpAirlinePort.Limits(maxInFlight, maxInFlight, maxInFlight));
    }

    private static HttpAirlinePort port(List<URI> instances, String secret, Duration searchTimeout, Duration peerTimeout,
                                        HttpAirlinePort.Limits limits) {
        return port(instances, secret, searchTimeout, peerTimeout, limits, Ticker.system());
    }

    private static HttpAirlinePort port(List<URI> instances, String secret, Duration searchTimeout, Duration peerTimeout,
                                        HttpAirlinePort.Limits limits, Ticker ticker) {
        return new HttpAirlinePort("A", instances, "B", CLIENT, new FederationSigner(secret, Clock.systemUTC(), Duration.ofSeconds(30)),
                searchTimeout, peerTimeout, limits, ticker);
    }
}
