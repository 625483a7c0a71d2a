package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's abuse test: from one address (127.0.0.2), 1,000 wrong passwords for a real account and 10,000
 * random localizador look-ups with its CPF, spread over the three airlines. Every answer is a refusal (401,
 * 404 or 429), never a 5xx and never the owner's data; the account ends locked, and its owner, from another
 * address, is refused even with the right password.
 */
class AbuseIT {

    private static final String PASSWORD = "cavalo-bateria-grampo";
    private static final String OWNER_NAME = "Dona Verdadeira";
    private static final List<String> AIRLINES = List.of("A", "B", "C");
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @TempDir
    static Path dir;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.startWithAccounts(Networks.defaultNetwork(), dir, "A", "B", "C");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void when_one_address_guesses_passwords_and_localizadores_then_it_gets_refusals_and_a_locked_account_never_data() throws Exception {
        String cpf = Buyers.cpf(777);
        String reference;
        try (Caller owner = new Caller("127.0.0.1")) {
            assertThat(owner.post(cluster.uri("A"), "/cadastro", Map.of("cpf", cpf, "nome", OWNER_NAME, "email", "dona@example.com",
                    "senha", PASSWORD), null).status()).isEqualTo(201);
            String token = owner.post(cluster.uri("A"), "/login", Map.of("cpf", cpf, "senha", PASSWORD), null).json().get("token").asText();
            Caller.Answer bought = owner.post(cluster.uri("B"), "/comprar_cliente",
                    Map.of("cpf", cpf, "caminho", List.of(List.of("A"), List.of("Cuiabá", "Goiânia"))), token);
            assertThat(bought.status()).as(bought.body()).isEqualTo(200);
            reference = bought.json().get("passagem").get("localizador").asText();
        }

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Set<String> leaks = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Caller attacker = new Caller("127.0.0.2")) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    SecureRandom random = new SecureRandom();
                    for (int i = thread; i < 1_000; i += 4) {
                        record(attacker.post(uri(i), "/login", Map.of("cpf", cpf, "senha", "palpite-" + i), null), statuses, leaks, reference);
                    }
                    for (int i = thread; i < 10_000; i += 4) {
                        String guess = randomReference(random);
                        record(attacker.get(uri(i), "/passagens_cliente?localizador=" + guess + "&cpf=" + cpf, null), statuses, leaks, reference);
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(statuses.keySet()).as("statuses seen: %s", statuses).isSubsetOf(401, 404, 429);
        assertThat(statuses.get(429).get()).as("refused by the rate limits").isGreaterThan(10_000);
        assertThat(leaks).as("answers that showed the owner's data").isEmpty();
        try (Caller owner = new Caller("127.0.0.1")) {
            for (String airline : AIRLINES) {
                assertThat(owner.post(cluster.uri(airline), "/login", Map.of("cpf", cpf, "senha", PASSWORD), null).status())
                        .as("the owner's right password while the account is locked, at " + airline).isEqualTo(401);
            }
            assertThat(owner.get(cluster.uri("C"), "/passagens_cliente?localizador=" + reference + "&cpf=" + cpf, null).status())
                    .as("the owner, from another address, still finds the booking").isEqualTo(200);
            String metrics = owner.get(cluster.server("A").metricsUri().orElseThrow(), "/metrics", null).body();
            assertThat(metrics).contains("passcom_accounts_locked{airline=\"A\"} 1.0");
            assertThat(metrics).containsPattern("passcom_refusals_total\\{airline=\"A\",reason=\"rate_lookup\"} [1-9]");
            assertThat(metrics).containsPattern("passcom_refusals_total\\{airline=\"A\",reason=\"rate_login\"} [1-9]");
        }
    }

    private static URI uri(int i) {
        return cluster.uri(AIRLINES.get(i % AIRLINES.size()));
    }

    private static String randomReference(SecureRandom random) {
        StringBuilder guess = new StringBuilder();
        for (int c = 0; c < 6; c++) {
            guess.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return guess.toString();
    }

    private static void record(Caller.Answer answer, Map<Integer, AtomicInteger> statuses, Set<String> leaks, String reference) {
        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        if (answer.body().contains(reference) || answer.body().contains(OWNER_NAME) || answer.body().contains("\"token\"")) {
            leaks.add(answer.status() + " " + answer.body());
        }
    }
}
