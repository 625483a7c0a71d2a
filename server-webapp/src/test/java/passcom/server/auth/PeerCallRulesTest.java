package passcom.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Json;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * Who may do what, against one real server over HTTP (issue 9, "Who may do what"): each rule is one test, and
 * every refused call is shown to change nothing the customer or a peer could see ({@code /saude}'s held and
 * sold counters). The server runs with a rotated secret: the old one is accepted until an expiry one hour away.
 */
class PeerCallRulesTest {

    private static final String CPF = "52998224725";
    private static final String SECRET = "the-new-federation-secret";
    private static final String OLD_SECRET = "the-old-federation-secret";
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;
    private static PasscomServer server;

    @BeforeAll
    static void start() {
        String until = Instant.now().plus(Duration.ofHours(1)).toString();
        ServerConfig config = ServerConfig.parse(List.of("--airline", "A", "--port", "0", "--data-dir", dataDir.toString(),
                "--secret", SECRET, "--previous-secret", OLD_SECRET + "@" + until), Map.of());
        server = PasscomServer.create(config).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void when_a_signed_prepare_is_replayed_then_the_replay_is_refused_401_and_holds_nothing_more() throws Exception {
        String body = prepare(UUID.randomUUID().toString());
        Map<String, String> headers = signer(SECRET, Clock.systemUTC()).sign("B", "POST", "/comprar_servidor", bytes(body));
        long heldBefore = health().path("reservas_abertas").asLong();

        HttpResponse<String> first = send("POST", "/comprar_servidor", body, headers);
        HttpResponse<String> replay = send("POST", "/comprar_servidor", body, headers);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("voto").asText()).isEqualTo("RESERVADO");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(401);
        assertThat(json(replay).path("erro").asText()).contains("repetida");
        assertThat(health().path("reservas_abertas").asLong()).isEqualTo(heldBefore + 1);
    }

    @Test
    void when_a_commit_is_unsigned_badly_signed_or_stale_then_401_and_the_hold_is_not_sold() throws Exception {
        String txn = UUID.randomUUID().toString();
        HttpResponse<String> held = signed(SECRET, "POST", "/comprar_servidor", prepare(txn));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        String commit = "{\"id_transacao\":\"" + txn + "\",\"tipo\":\"PURCHASE\",\"passagem\":null}";
        long soldBefore = health().path("passagens_vendidas").asLong();
        Map<String, String> stale = signer(SECRET, Clock.fixed(Instant.now().minus(WINDOW).minusSeconds(5), ZoneOffset.UTC))
                .sign("B", "POST", "/confirmar_servidor", bytes(commit));
        Map<String, String> tampered = new HashMap<>(signer(SECRET, Clock.systemUTC()).sign("B", "POST", "/confirmar_servidor", bytes(commit)));
        tampered.put(FederationSigner.SENDER, "C");

        assertRefused(send("POST", "/confirmar_servidor", commit, Map.of()), "faltam");
        assertRefused(signed("a-stranger's-secret", "POST", "/confirmar_servidor", commit), "assinatura inválida");
        assertRefused(send("POST", "/confirmar_servidor", commit, stale), "janela");
        assertRefused(send("POST", "/confirmar_servidor", commit, tampered), "assinatura inválida");
        assertThat(health().path("passagens_vendidas").asLong()).isEqualTo(soldBefore);

        HttpResponse<String> released = signed(SECRET, "POST", "/rollback", "{\"id_transacao\":\"" + txn + "\"}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
    }

    @Test
    void when_a_peer_signs_a_prepare_in_another_airlines_name_then_403_and_nothing_is_held() throws Exception {
        String body = prepare(UUID.randomUUID().toString()); // names B as its coordinator
        long heldBefore = health().path("reservas_abertas").asLong();

        HttpResponse<String> forged = send("POST", "/comprar_servidor", body,
                signer(SECRET, Clock.systemUTC()).sign("C", "POST", "/comprar_servidor", bytes(body)));

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(json(forged).path("erro").asText()).contains("'B'").contains("'C'");
        assertThat(health().path("reservas_abertas").asLong()).isEqualTo(heldBefore);
    }

    @Test
    void when_a_peer_commits_or_aborts_a_transaction_another_airline_coordinates_then_403_and_nothing_changes() throws Exception {
        String txn = UUID.randomUUID().toString();
        HttpResponse<String> held = signed(SECRET, "POST", "/comprar_servidor", prepare(txn)); // coordinator B, signed by B
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        String commit = commit(txn, json(held).path("assentos").get(0).asInt());
        String abort = "{\"id_transacao\":\"" + txn + "\"}";
        long heldBefore = health().path("reservas_abertas").asLong();
        long soldBefore = health().path("passagens_vendidas").asLong();

        HttpResponse<String> forgedCommit = signedBy("C", "POST", "/confirmar_servidor", commit);
        HttpResponse<String> forgedAbort = signedBy("C", "POST", "/rollback", abort);

        for (HttpResponse<String> forged : List.of(forgedCommit, forgedAbort)) {
            assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
            assertThat(json(forged).path("erro").asText()).contains("'B'").contains("'C'").contains(txn);
        }
        assertThat(health().path("reservas_abertas").asLong()).as("the hold stays").isEqualTo(heldBefore);
        assertThat(health().path("passagens_vendidas").asLong()).as("nothing sold").isEqualTo(soldBefore);
        assertThat(health().path("decisoes_conflitantes").asLong()).isZero();

        HttpResponse<String> real = signedBy("B", "POST", "/confirmar_servidor", commit);
        HttpResponse<String> repeated = signedBy("B", "POST", "/confirmar_servidor", commit);

        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
        assertThat(health().path("reservas_abertas").asLong()).isEqualTo(heldBefore - 1);
        assertThat(health().path("passagens_vendidas").asLong()).isEqualTo(soldBefore + 1);
    }

    @Test
    void when_a_peer_aborts_an_unknown_transaction_then_a_prepare_from_another_coordinator_for_that_id_holds_nothing() throws Exception {
        String txn = UUID.randomUUID().toString();
        HttpResponse<String> aborted = signedBy("C", "POST", "/rollback", "{\"id_transacao\":\"" + txn + "\"}");
        assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
        long heldBefore = health().path("reservas_abertas").asLong();

        HttpResponse<String> vote = signed(SECRET, "POST", "/comprar_servidor", prepare(txn)); // coordinator B

        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
        assertThat(json(vote).path("voto").asText()).isEqualTo("RECUSADO");
        assertThat(json(vote).path("motivo").asText()).contains("'C'").contains("'B'");
        assertThat(health().path("reservas_abertas").asLong()).isEqualTo(heldBefore);
    }

    @Test
    void when_the_secret_is_rotated_then_the_previous_one_is_accepted_until_its_expiry_and_refused_after() {
        Instant expiry = Instant.parse("2026-12-02T03:00:00Z");
        Optional<FederationSigner.PreviousSecret> previous = Optional.of(new FederationSigner.PreviousSecret(OLD_SECRET, expiry));
        byte[] body = bytes("{\"id_transacao\":\"t1\"}");
        FederationSigner before = new FederationSigner(SECRET, previous, Clock.fixed(expiry.minusSeconds(1), ZoneOffset.UTC), WINDOW,
                new ReplayGuard(100));
        FederationSigner after = new FederationSigner(SECRET, previous, Clock.fixed(expiry, ZoneOffset.UTC), WINDOW, new ReplayGuard(100));
        Map<String, String> oldSigned = signer(OLD_SECRET, Clock.fixed(expiry.minusSeconds(1), ZoneOffset.UTC)).sign("B", "POST", "/rollback", body);
        Map<String, String> oldSignedLater = signer(OLD_SECRET, Clock.fixed(expiry, ZoneOffset.UTC)).sign("B", "POST", "/rollback", body);
        Map<String, String> newSigned = signer(SECRET, Clock.fixed(expiry, ZoneOffset.UTC)).sign("B", "POST", "/rollback", body);

        assertThat(before.verify("POST", "/rollback", body, oldSigned::get)).isEqualTo("B");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> after.verify("POST", "/rollback", body, oldSignedLater::get))
                .hasMessageContaining("segredo anterior").hasMessageContaining("expirou");
        assertThat(after.verify("POST", "/rollback", body, newSigned::get)).isEqualTo("B");
    }

    @Test
    void when_a_peer_still_signs_with_the_previous_secret_during_the_overlap_then_the_server_answers() throws Exception {
        HttpResponse<String> ping = signed(OLD_SECRET, "GET", "/ping_servidor", "");

        assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
    }

    @Test
    void when_a_customer_tries_to_confirm_or_release_through_a_client_endpoint_then_nothing_is_sold_or_freed() throws Exception {
        String txn = UUID.randomUUID().toString();
        assertThat(signed(SECRET, "POST", "/comprar_servidor", prepare(txn)).statusCode()).isEqualTo(200);
        long held = health().path("reservas_abertas").asLong();
        long sold = health().path("passagens_vendidas").asLong();
        String asCustomer = "{\"id_transacao\":\"" + txn + "\",\"tipo\":\"PURCHASE\",\"cpf\":\"" + CPF + "\",\"localizador\":\"X\"}";

        for (String path : List.of("/comprar_cliente", "/cancelar_cliente", "/passagens_cliente", "/caminhos_cliente", "/saude")) {
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> reply = send(method, path, asCustomer, Map.of());
                assertThat(reply.statusCode()).as("%s %s: %s", method, path, reply.body()).isBetween(400, 499);
            }
        }
        assertThat(health().path("reservas_abertas").asLong()).isEqualTo(held);
        assertThat(health().path("passagens_vendidas").asLong()).isEqualTo(sold);
        signed(SECRET, "POST", "/rollback", "{\"id_transacao\":\"" + txn + "\"}");
    }

    @Test
    void when_bookings_are_asked_for_without_a_token_then_nothing_is_listed() throws Exception {
        HttpResponse<String> noCpf = send("GET", "/passagens_cliente", "", Map.of());
        HttpResponse<String> emptyCpf = send("GET", "/passagens_cliente?cpf=", "", Map.of());
        HttpResponse<String> cpfAlone = send("GET", "/passagens_cliente?cpf=" + CPF, "", Map.of());
        HttpResponse<String> peerUnsigned = send("GET", "/passagens_servidor?cpf=" + CPF, "", Map.of());

        // issue 16: without --acesso-aberto a CPF alone lists nothing; the answer asks for a token
        for (HttpResponse<String> refused : List.of(noCpf, emptyCpf, cpfAlone)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(refused.body()).doesNotContain("localizador").doesNotContain("passagens\"");
        }
        assertRefused(peerUnsigned, "não autenticada");
    }

    private static void assertRefused(HttpResponse<String> reply, String mentions) throws Exception {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(401);
        assertThat(json(reply).path("erro").asText()).contains(mentions);
    }

    private static String prepare(String txn) {
        return "{\"id_transacao\":\"" + txn + "\",\"coordenador\":\"B\",\"tipo\":\"PURCHASE\",\"cpf\":\"" + CPF
                + "\",\"localizador\":\"" + txn.substring(0, 6).toUpperCase() + "\",\"trechos\":[{\"origem\":\"Cuiabá\",\"destino\":\"Campo Grande\"}]}";
    }

    /** A COMMIT of {@link #prepare}'s hold, for the seat its vote gave, with the booking in full as a coordinator sends it. */
    private static String commit(String txn, int seat) throws Exception {
        passcom.core.route.Segment leg = passcom.core.route.NetworkLoader.loadDefault().segment("Cuiabá", "Campo Grande").orElseThrow();
        passcom.core.booking.Booking booking = new passcom.core.booking.Booking(txn.substring(0, 6).toUpperCase(),
                passcom.core.cpf.Cpf.parse(CPF), List.of(new passcom.core.booking.BookedLeg(leg, "A", seat, passcom.core.money.Money.ofCents(50000))),
                Instant.now(), "B");
        return Json.mapper().writeValueAsString(passcom.server.peer.CommitMessage.of(
                new passcom.core.txn.Commit(new passcom.core.txn.TxnId(txn), passcom.core.txn.TxnKind.PURCHASE, booking)));
    }

    private static HttpResponse<String> signedBy(String airline, String method, String path, String body) throws Exception {
        return send(method, path, body, signer(SECRET, Clock.systemUTC()).sign(airline, method, path, bytes(body)));
    }

    private static FederationSigner signer(String secret, Clock clock) {
        return new FederationSigner(secret, clock, WINDOW);
    }

    private static HttpResponse<String> signed(String secret, String method, String path, String body) throws Exception {
        return send(method, path, body, signer(secret, Clock.systemUTC()).sign("B", method, path, bytes(body)));
    }

    private static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode health() throws Exception {
        return json(send("GET", "/saude", "", Map.of()));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
