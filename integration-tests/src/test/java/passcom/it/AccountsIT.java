package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.api.Json;
import passcom.core.cpf.Cpf;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * Issue 16's rules over real HTTP on three in-JVM airlines with the accounts' access rules (no open access,
 * rate limits on): each allowed case and each refused one of accounts, tokens, access to bookings and the
 * per-address limits. Each test calls from its own loopback address, so that one test's logins do not spend
 * another's rate limit.
 */
class AccountsIT {

    private static final String PASSWORD = "cavalo-bateria-grampo";
    private static final List<List<String>> CUIABA_GOIANIA = List.of(List.of("A"), List.of("Cuiabá", "Goiânia"));
    private static final AtomicInteger NEXT_CPF = new AtomicInteger(5_000);
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    @TempDir
    static Path dir;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.startWithAccounts(Networks.withSeats(Networks.defaultNetwork(), "A", "Cuiabá", "Goiânia", 200), dir, "A", "B", "C");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String newCpf() {
        return Buyers.cpf(NEXT_CPF.incrementAndGet());
    }

    /** A customer at an address no other test uses. */
    private static Caller newCaller() {
        return new Caller("127.0.0." + NEXT_ADDRESS.incrementAndGet());
    }

    private static URI at(String airline) {
        return cluster.uri(airline);
    }

    private static Caller.Answer register(Caller caller, String airline, String cpf) {
        return caller.post(at(airline), "/cadastro", Map.of("cpf", cpf, "nome", "Cliente " + cpf.substring(0, 3), "email", "c@example.com",
                "senha", PASSWORD), null);
    }

    private static Caller.Answer login(Caller caller, String airline, String cpf, String password) {
        return caller.post(at(airline), "/login", Map.of("cpf", cpf, "senha", password), null);
    }

    private static String token(Caller caller, String airline, String cpf) {
        Caller.Answer session = login(caller, airline, cpf, PASSWORD);
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return session.json().get("token").asText();
    }

    private static String buy(Caller caller, String airline, String passenger, String token) {
        Caller.Answer bought = caller.post(at(airline), "/comprar_cliente", Map.of("cpf", passenger, "caminho", CUIABA_GOIANIA), token);
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        return bought.json().get("passagem").get("localizador").asText();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return Json.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    // ---- 1. accounts -------------------------------------------------------------------------------

    @Test
    void when_an_account_is_created_at_A_then_it_logs_in_at_every_airline_with_tokens_signed_by_A() throws Exception {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            Caller.Answer created = register(caller, "A", cpf);

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("companhia").asText()).isEqualTo("A");
            assertThat(created.json().has("criada_em")).isTrue();
            assertThat(created.body()).doesNotContain(PASSWORD);
            for (String airline : List.of("A", "B", "C")) {
                Caller.Answer session = login(caller, airline, cpf, PASSWORD);
                assertThat(session.status()).as(airline + ": " + session.body()).isEqualTo(200);
                assertThat(claims(session.json().get("token").asText()).get("iss").asText()).isEqualTo("A");
                assertThat(claims(session.json().get("token").asText()).get("sub").asText()).isEqualTo(cpf);
                assertThat(Instant.parse(session.json().get("expira_em").asText())).isBefore(Instant.now().plus(Duration.ofMinutes(16)));
                assertThat(session.json().get("renovacao").asText()).startsWith("A.");
            }
            Caller.Answer conta = caller.get(at("C"), "/conta", token(caller, "B", cpf));
            assertThat(conta.status()).as(conta.body()).isEqualTo(200);
            assertThat(conta.json().get("cpf").asText()).isEqualTo(cpf);
            assertThat(conta.json().get("companhia").asText()).isEqualTo("A");
            assertThat(conta.json().get("passagens").isArray()).isTrue();
        }
    }

    @Test
    void when_an_account_logs_in_away_from_home_then_only_its_home_is_sent_the_password() throws Exception {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            assertThat(register(caller, "A", cpf).status()).isEqualTo(201);
            double homeChecksBefore = passwordChecksAsPeer("A");
            double othersChecksBefore = passwordChecksAsPeer("C");

            Caller.Answer session = login(caller, "B", cpf, PASSWORD);

            assertThat(session.status()).as(session.body()).isEqualTo(200);
            assertThat(passwordChecksAsPeer("A")).as("the home checked it").isEqualTo(homeChecksBefore + 1);
            assertThat(passwordChecksAsPeer("C")).as("C, not the home, never saw the password").isEqualTo(othersChecksBefore);
        }
    }

    /** How many signed password checks (POST /conta_servidor/login) this airline has answered, from its /metrics. */
    private static double passwordChecksAsPeer(String airline) {
        return metrics(airline).lines()
                .filter(line -> line.startsWith("passcom_http_requests_seconds_count{") && line.contains("endpoint=\"/conta_servidor/login\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void when_a_cpf_already_has_an_account_then_a_second_cadastro_anywhere_gets_409() {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            assertThat(register(caller, "A", cpf).status()).isEqualTo(201);

            for (String airline : List.of("B", "C", "A")) {
                Caller.Answer again = register(caller, airline, cpf);
                assertThat(again.status()).as(airline + ": " + again.body()).isEqualTo(409);
                assertThat(again.erro()).isEqualTo("Já existe uma conta para este CPF.");
            }
            assertThat(cluster.server("B").node().accounts().find(Cpf.parse(cpf))).isEmpty();
        }
    }

    @Test
    void when_two_airlines_get_a_cadastro_of_one_cpf_at_once_then_at_most_one_account_exists() throws Exception {
        for (int round = 0; round < 3; round++) {
            String cpf = newCpf();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try (Caller first = newCaller(); Caller second = newCaller()) {
                List<Future<Caller.Answer>> answers = new ArrayList<>();
                for (Callable<Caller.Answer> cadastro : List.<Callable<Caller.Answer>>of(
                        () -> { go.await(); return register(first, "A", cpf); },
                        () -> { go.await(); return register(second, "B", cpf); })) {
                    answers.add(threads.submit(cadastro));
                }
                go.countDown();
                int created = 0;
                for (Future<Caller.Answer> answer : answers) {
                    int status = answer.get().status();
                    assertThat(status).as(answer.get().body()).isIn(201, 409);
                    created += status == 201 ? 1 : 0;
                }
                long homes = List.of("A", "B", "C").stream()
                        .filter(a -> cluster.server(a).node().accounts().find(Cpf.parse(cpf)).isPresent()).count();
                assertThat(homes).as("accounts of one CPF in the federation").isEqualTo(created).isLessThanOrEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void when_a_password_is_short_or_common_or_a_field_bad_then_400_names_it_and_nothing_is_created() {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            Caller.Answer shortOne = caller.post(at("A"), "/cadastro", Map.of("cpf", cpf, "nome", "Ana", "email", "a@example.com", "senha", "curta"), null);
            Caller.Answer common = caller.post(at("A"), "/cadastro", Map.of("cpf", cpf, "nome", "Ana", "email", "a@example.com", "senha", "1234567890"), null);
            Caller.Answer badEmail = caller.post(at("B"), "/cadastro", Map.of("cpf", cpf, "nome", "Ana", "email", "sem-arroba", "senha", PASSWORD), null);
            Caller.Answer badCpf = caller.post(at("B"), "/cadastro", Map.of("cpf", "123.456.789-00", "nome", "Ana", "email", "a@example.com", "senha", PASSWORD), null);

            assertThat(shortOne.status()).isEqualTo(400);
            assertThat(shortOne.erro()).contains("10 caracteres");
            assertThat(common.status()).isEqualTo(400);
            assertThat(common.erro()).contains("mais usadas");
            assertThat(badEmail.status()).isEqualTo(400);
            assertThat(badEmail.erro()).contains("e-mail");
            assertThat(badCpf.status()).isEqualTo(400);
            assertThat(login(caller, "A", cpf, PASSWORD).status()).isEqualTo(401);
        }
    }

    @Test
    void when_a_login_fails_for_any_reason_then_every_airline_says_the_same_401() {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            register(caller, "A", cpf);
            List<Caller.Answer> failures = List.of(
                    login(caller, "A", cpf, "senha-errada-mesmo"),
                    login(caller, "B", cpf, "senha-errada-mesmo"),
                    login(caller, "A", newCpf(), PASSWORD),
                    login(caller, "C", newCpf(), PASSWORD),
                    login(caller, "B", "123", PASSWORD));

            for (Caller.Answer failure : failures) {
                assertThat(failure.status()).isEqualTo(401);
                assertThat(failure.body()).isEqualTo("{\"codigo\":\"NAO_AUTENTICADO\",\"erro\":\"CPF ou senha inválidos\"}");
                assertThat(failure.wwwAuthenticate()).isEqualTo("Bearer");
            }
        }
    }

    @Test
    void when_ten_wrong_passwords_come_in_a_row_then_the_right_one_is_refused_at_every_airline() throws Exception {
        String cpf = newCpf();
        try (Caller owner = newCaller(); Caller attacker = newCaller()) {
            register(owner, "A", cpf);
            for (int i = 0; i < 10; i++) {
                assertThat(login(attacker, i % 2 == 0 ? "B" : "A", cpf, "tentativa-errada-" + i).status()).isEqualTo(401);
            }

            for (String airline : List.of("A", "B", "C")) {
                Caller.Answer refused = login(owner, airline, cpf, PASSWORD);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.erro()).isEqualTo("CPF ou senha inválidos");
            }
        }
        assertThat(metrics("A")).contains("passcom_accounts_locked{airline=\"A\"} 1.0");
    }

    @Test
    void when_an_account_is_deleted_with_its_password_then_it_cannot_log_in_and_its_bookings_stay() {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            register(caller, "A", cpf);
            String token = token(caller, "C", cpf);
            String reference = buy(caller, "B", cpf, token);

            assertThat(caller.delete(at("B"), "/conta", Map.of("senha", "senha-errada-mesmo"), token).status()).isEqualTo(401);
            assertThat(caller.delete(at("B"), "/conta", Map.of("senha", PASSWORD), null).status()).isEqualTo(401);
            Caller.Answer deleted = caller.delete(at("B"), "/conta", Map.of("senha", PASSWORD), token);
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

            assertThat(login(caller, "A", cpf, PASSWORD).status()).isEqualTo(401);
            assertThat(cluster.server("A").node().accounts().find(Cpf.parse(cpf))).isEmpty();
            Caller.Answer lookup = caller.get(at("C"), "/passagens_cliente?localizador=" + reference + "&cpf=" + cpf, null);
            assertThat(lookup.status()).isEqualTo(200);
            assertThat(lookup.json().get("passagens").get(0).get("localizador").asText()).isEqualTo(reference);
        }
    }

    // ---- 2. tokens ------------------------------------------------------------------------------------

    @Test
    void when_a_session_is_renewed_then_the_old_refresh_token_stops_working_and_logout_revokes_at_the_home() {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            register(caller, "B", cpf);
            Caller.Answer first = login(caller, "A", cpf, PASSWORD);
            String refresh = first.json().get("renovacao").asText();

            Caller.Answer renewed = caller.post(at("C"), "/login/renovar", Map.of("renovacao", refresh), null);
            assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
            assertThat(renewed.json().get("renovacao").asText()).isNotEqualTo(refresh);
            assertThat(caller.get(at("A"), "/conta", renewed.json().get("token").asText()).status()).isEqualTo(200);
            assertThat(caller.post(at("A"), "/login/renovar", Map.of("renovacao", refresh), null).status()).isEqualTo(401);

            String second = renewed.json().get("renovacao").asText();
            assertThat(caller.post(at("A"), "/logout", Map.of("renovacao", second), null).status()).isEqualTo(204);
            assertThat(caller.post(at("C"), "/logout", Map.of("renovacao", second), null).status()).isEqualTo(204);
            assertThat(caller.post(at("B"), "/login/renovar", Map.of("renovacao", second), null).status()).isEqualTo(401);
        }
    }

    @Test
    void when_a_token_is_tampered_unsigned_symmetric_or_from_outside_the_federation_then_401() throws Exception {
        try (Caller caller = newCaller()) {
            String cpf = newCpf();
            register(caller, "A", cpf);
            String token = token(caller, "A", cpf);
            String[] parts = token.split("\\.");
            String kid = SignedJWT.parse(token).getHeader().getKeyID();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String otherCpf = newCpf();

            String tampered = parts[0] + "." + b64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace(cpf, otherCpf).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
            SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims("A", otherCpf));
            hmac.sign(new MACSigner("a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8)));
            ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims("A", otherCpf));
            forged.sign(new ECDSASigner(stranger));
            SignedJWT outsider = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("z1").build(), claims("Z", otherCpf));
            outsider.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID("z1").generate()));

            for (String bad : List.of(tampered, none, hmac.serialize(), forged.serialize(), outsider.serialize(), "nem-um-jwt")) {
                for (String airline : List.of("A", "C")) {
                    Caller.Answer refused = caller.get(at(airline), "/passagens_cliente", bad);
                    assertThat(refused.status()).as(airline + " " + bad).isEqualTo(401);
                    assertThat(refused.wwwAuthenticate()).isEqualTo("Bearer");
                    assertThat(refused.body()).doesNotContain("\"passagens\"");
                }
            }
            assertThat(caller.get(at("C"), "/passagens_cliente", token).status()).isEqualTo(200);
        }
    }

    @Test
    void when_a_token_has_expired_by_the_servers_clock_then_401_while_a_server_on_time_accepts_it() throws Exception {
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16));
        ServerConfig config = ServerConfig.forTest("C", dir.resolve("C-later")).withPort(0)
                .withPeers(Map.of("A", at("A"), "B", at("B")));
        try (Caller caller = newCaller();
             PasscomServer laterC = PasscomServer.create(config, Networks.defaultNetwork(), later).start()) {
            String cpf = newCpf();
            register(caller, "A", cpf);
            String token = token(caller, "A", cpf);

            assertThat(caller.get(at("C"), "/conta", token).status()).isEqualTo(200);
            Caller.Answer expired = caller.get(laterC.uri(), "/conta", token);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.wwwAuthenticate()).isEqualTo("Bearer");
            assertThat(caller.get(laterC.uri(), "/passagens_cliente", token).status()).isEqualTo(401);
        }
    }

    @Test
    void when_the_jwks_is_fetched_then_it_has_public_p256_keys_only() {
        try (Caller caller = newCaller()) {
            Caller.Answer jwks = caller.get(at("B"), "/.well-known/jwks.json", null);

            assertThat(jwks.status()).isEqualTo(200);
            JsonNode key = jwks.json().get("keys").get(0);
            assertThat(key.get("kty").asText()).isEqualTo("EC");
            assertThat(key.get("crv").asText()).isEqualTo("P-256");
            assertThat(key.has("kid")).isTrue();
            assertThat(key.has("d")).as("the private part").isFalse();
        }
    }

    // ---- 3. access rules --------------------------------------------------------------------------

    @Test
    void when_an_account_buys_for_another_passenger_then_both_see_it_and_nobody_else_does() {
        try (Caller caller = newCaller()) {
            String buyer = newCpf();
            String passenger = newCpf();
            String stranger = newCpf();
            register(caller, "C", buyer);
            register(caller, "B", stranger);
            String buyerToken = token(caller, "A", buyer);
            String reference = buy(caller, "B", passenger, buyerToken);
            String guestReference = buy(caller, "A", passenger, null);

            for (String airline : List.of("A", "B", "C")) {
                Caller.Answer mine = caller.get(at(airline), "/passagens_cliente", buyerToken);
                assertThat(mine.status()).as(mine.body()).isEqualTo(200);
                assertThat(mine.json().get("passagens").findValuesAsText("localizador")).containsExactly(reference);
            }
            Caller.Answer conta = caller.get(at("B"), "/conta", buyerToken);
            assertThat(conta.json().get("passagens").findValuesAsText("localizador")).containsExactly(reference);

            String strangerToken = token(caller, "C", stranger);
            assertThat(caller.get(at("A"), "/passagens_cliente", strangerToken).json().get("passagens")).isEmpty();
            Caller.Answer otherCpf = caller.get(at("A"), "/passagens_cliente?cpf=" + passenger, strangerToken);
            assertThat(otherCpf.status()).isEqualTo(403);
            assertThat(otherCpf.body()).doesNotContain(reference).doesNotContain(guestReference);
            Caller.Answer cpfAlone = caller.get(at("A"), "/passagens_cliente?cpf=" + passenger, null);
            assertThat(cpfAlone.status()).isEqualTo(401);
            assertThat(cpfAlone.body()).doesNotContain(reference).doesNotContain("\"passagens\"");
        }
    }

    @Test
    void when_a_localizador_and_cpf_pair_is_right_then_that_booking_alone_else_the_same_404_as_unknown() {
        try (Caller caller = newCaller()) {
            String passenger = newCpf();
            String reference = buy(caller, "A", passenger, null);
            String other = buy(caller, "C", passenger, null);

            Caller.Answer found = caller.get(at("B"), "/passagens_cliente?localizador=" + reference + "&cpf=" + passenger, null);
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json().get("passagens").findValuesAsText("localizador")).containsExactly(reference);
            assertThat(found.body()).doesNotContain(other);

            Caller.Answer wrongPair = caller.get(at("B"), "/passagens_cliente?localizador=" + reference + "&cpf=" + newCpf(), null);
            Caller.Answer unknown = caller.get(at("B"), "/passagens_cliente?localizador=ZZZZZZ&cpf=" + passenger, null);
            assertThat(wrongPair.status()).isEqualTo(404);
            assertThat(wrongPair.body()).isEqualTo(unknown.body()).isEqualTo("{\"codigo\":\"NAO_ENCONTRADO\",\"erro\":\"Reserva não encontrada\"}");
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    @Test
    void when_a_cancellation_comes_from_someone_else_then_the_same_404_and_the_owner_can_still_cancel() {
        try (Caller caller = newCaller()) {
            String buyer = newCpf();
            String passenger = newCpf();
            String stranger = newCpf();
            register(caller, "A", buyer);
            register(caller, "A", stranger);
            String reference = buy(caller, "C", passenger, token(caller, "A", buyer));

            Caller.Answer byStranger = caller.post(at("B"), "/cancelar_cliente", Map.of("localizador", reference), token(caller, "B", stranger));
            Caller.Answer wrongPair = caller.post(at("B"), "/cancelar_cliente", Map.of("localizador", reference, "cpf", stranger), null);
            Caller.Answer unknown = caller.post(at("B"), "/cancelar_cliente", Map.of("localizador", "ZZZZZZ", "cpf", passenger), null);
            assertThat(List.of(byStranger, wrongPair, unknown)).allSatisfy(refused -> {
                assertThat(refused.status()).isEqualTo(404);
                assertThat(refused.body()).isEqualTo("{\"codigo\":\"NAO_ENCONTRADO\",\"erro\":\"Reserva não encontrada\"}");
            });

            String buyerToken = token(caller, "C", buyer);
            Caller.Answer byBuyer = caller.post(at("B"), "/cancelar_cliente", Map.of("localizador", reference), buyerToken);
            assertThat(byBuyer.status()).as(byBuyer.body()).isEqualTo(200);
            // The copies of the booking other airlines keep learn of the cancellation as its decision is delivered.
            Awaitility.await("the cancelled booking gone from the buyer's list").atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(caller.get(at("A"), "/passagens_cliente", buyerToken).json().get("passagens")).isEmpty());
            String second = buy(caller, "C", passenger, null);
            Caller.Answer byPassenger = caller.post(at("A"), "/cancelar_cliente", Map.of("localizador", second, "cpf", passenger), null);
            assertThat(byPassenger.status()).as(byPassenger.body()).isEqualTo(200);
        }
    }

    @Test
    void when_a_guest_buys_then_it_works_without_an_account_and_a_bad_token_is_refused_rather_than_ignored() {
        try (Caller caller = newCaller()) {
            assertThat(buy(caller, "B", newCpf(), null)).hasSize(6);
            Caller.Answer badToken = caller.post(at("B"), "/comprar_cliente", Map.of("cpf", newCpf(), "caminho", CUIABA_GOIANIA), "x.y.z");
            assertThat(badToken.status()).isEqualTo(401);
        }
    }

    // ---- 4. abuse ------------------------------------------------------------------------------------

    @Test
    void when_one_address_logs_in_too_often_then_429_with_retry_after_while_another_address_still_logs_in() {
        try (Caller noisy = newCaller(); Caller quiet = newCaller()) {
            String cpf = newCpf();
            register(quiet, "A", cpf);
            List<Integer> statuses = new ArrayList<>();
            Caller.Answer last = null;
            for (int i = 0; i < 15; i++) {
                last = login(noisy, "B", newCpf(), PASSWORD);
                statuses.add(last.status());
            }

            assertThat(statuses).contains(429).doesNotContain(500, 502, 503);
            assertThat(last.status()).isEqualTo(429);
            assertThat(Long.parseLong(last.retryAfter())).isPositive();
            assertThat(login(quiet, "B", cpf, PASSWORD).status()).isEqualTo(200);
            assertThat(metrics("B")).contains("passcom_refusals_total{airline=\"B\",reason=\"rate_login\"}");
        }
    }

    @Test
    void when_one_address_sends_too_many_cadastros_then_429() {
        try (Caller caller = newCaller()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(register(caller, "C", newCpf()).status());
            }
            assertThat(statuses).contains(201, 429).doesNotContain(500, 503);
        }
    }

    @Test
    void when_one_address_sends_many_bad_tokens_then_its_token_requests_get_429_while_another_address_is_served() {
        try (Caller forger = newCaller(); Caller owner = newCaller()) {
            String cpf = newCpf();
            register(owner, "B", cpf);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                statuses.add(forger.get(at("C"), "/passagens_cliente", "eyJhbGciOiJFUzI1NiJ9.e30.forjado" + i).status());
            }

            assertThat(statuses).containsOnly(401, 429).endsWith(429);
            assertThat(owner.get(at("C"), "/passagens_cliente", token(owner, "C", cpf)).status()).isEqualTo(200);
            assertThat(metrics("C")).contains("passcom_refusals_total{airline=\"C\",reason=\"rate_token\"}");
        }
    }

    private static String metrics(String airline) {
        URI uri = cluster.server(airline).metricsUri().orElseThrow().resolve("/metrics");
        try (Caller caller = new Caller("127.0.0.1")) {
            return caller.get(uri, "/metrics", null).body();
        }
    }

    private static JWTClaimsSet claims(String issuer, String cpf) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(cpf).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build();
    }
}
