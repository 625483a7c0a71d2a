package passcom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import passcom.server.ServerConfig;

/**
 * Concurrent purchases and cancellations through every server while server-to-server messages are dropped,
 * duplicated and answered late at random. Afterwards every hold is resolved, the seat invariants hold,
 * and the books agree with what each customer was told.
 */
class ChaosIT extends ClusterScenario {

    private static final ServerConfig.Timing IMPATIENT = new ServerConfig.Timing(
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(50));
    private static final List<String> SERVERS = List.of("A", "B", "C");
    private static final List<String> PEER_PATHS = List.of("/comprar_servidor", "/confirmar_servidor", "/rollback", "/decisao_servidor");
    private static final List<Fault> FAULTS = List.of(Fault.NONE, Fault.DROP, Fault.DUPLICATE, Fault.LATE_REPLY);
    private static final List<List<List<String>>> ITINERARIES = List.of(
            List.of(List.of("A"), List.of("São Paulo", "Curitiba")),
            List.of(List.of("B", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
            List.of(List.of("C", "A", "B"), List.of("Cuiabá", "Campo Grande", "Curitiba", "Florianópolis")),
            List.of(List.of("B", "A"), List.of("Rio de Janeiro", "São Paulo", "Curitiba")),
            List.of(List.of("B"), List.of("Vitória", "Rio de Janeiro")));

    /** One customer's purchase, and the cancellation they may have asked for afterwards. */
    private record Purchase(String cpf, int status, String reference, int cancelStatus) {
    }

    @Test
    void when_peer_messages_are_lost_duplicated_and_late_then_every_customer_gets_a_true_answer() throws Exception {
        long seed = System.nanoTime();
        start(Networks.withSeatsEverywhere(Networks.defaultNetwork(), 12), IMPATIENT, "A", "B", "C");
        AtomicBoolean buying = new AtomicBoolean(true);
        AtomicInteger faultsSet = new AtomicInteger();
        Thread chaos = new Thread(() -> injectFaults(new Random(seed), buying, faultsSet), "chaos");
        chaos.start();

        List<Purchase> purchases = Collections.synchronizedList(new ArrayList<>());
        ExecutorService buyers = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            int buyer = b;
            running.add(buyers.submit(() -> buy(new Random(seed + buyer), buyer, purchases)));
        }
        for (Future<?> f : running) {
            f.get(120, TimeUnit.SECONDS);
        }
        buyers.shutdown();
        buying.set(false);
        chaos.join(10_000);
        SERVERS.forEach(a -> cluster.proxy(a).heal());
        cluster.awaitQuiet();

        List<String> wrong = new ArrayList<>();
        for (Purchase p : purchases) {
            if (p.status() != 200 && p.status() != 409 && p.status() != 503) {
                wrong.add(p + ": a purchase must end bought, refused or unreachable");
            }
            var listed = Http.get(cluster.uri("A"), "/passagens_cliente", "cpf", p.cpf()).json().path("passagens");
            boolean mustBeListed = p.status() == 200 && p.cancelStatus() != 200;
            if (mustBeListed && (listed.size() != 1 || !listed.get(0).path("localizador").asText().equals(p.reference()))) {
                wrong.add(p + ": acknowledged and not cancelled, but listed as " + listed);
            }
            if (!mustBeListed && !listed.isEmpty()) {
                wrong.add(p + ": told 'nothing bought' or 'cancelled', but listed as " + listed);
            }
        }
        long bought = purchases.stream().filter(p -> p.status() == 200).count();
        long cancelled = purchases.stream().filter(p -> p.cancelStatus() == 200).count();
        System.out.printf("chaos (seed %d): %d purchases, %d bought, %d refused, %d unreachable, %d cancelled, %d faults set%n",
                seed, purchases.size(), bought, purchases.stream().filter(p -> p.status() == 409).count(),
                purchases.stream().filter(p -> p.status() == 503).count(), cancelled, faultsSet.get());
        assertThat(wrong).as("seed %d", seed).isEmpty();
        assertThat(bought).as("some purchases get through the faults").isPositive();
    }

    private void buy(Random random, int buyer, List<Purchase> purchases) {
        for (int i = 0; i < 15; i++) {
            String cpf = Buyers.cpf(buyer * 1000 + i + 1);
            List<List<String>> path = ITINERARIES.get(random.nextInt(ITINERARIES.size()));
            URI via = cluster.uri(SERVERS.get(random.nextInt(SERVERS.size())));
            Http.Reply reply = Buyers.buy(via, cpf, path.get(0), path.get(1));
            String reference = reply.json().path("passagem").path("localizador").asText(null);
            int cancelStatus = 0;
            if (reply.status() == 200 && random.nextInt(5) == 0) {
                cancelStatus = Http.post(cluster.uri(SERVERS.get(random.nextInt(SERVERS.size()))), "/cancelar_cliente",
                        Map.of("cpf", cpf, "localizador", reference)).status();
            }
            purchases.add(new Purchase(cpf, reply.status(), reference, cancelStatus));
        }
    }

    /** Every 25 ms, one peer path of one airline gets a random fault (or none), until the buyers are done. */
    private void injectFaults(Random random, AtomicBoolean buying, AtomicInteger faultsSet) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (buying.get() && Instant.now().isBefore(deadline)) {
            Fault fault = FAULTS.get(random.nextInt(FAULTS.size()));
            cluster.proxy(SERVERS.get(random.nextInt(SERVERS.size()))).set(PEER_PATHS.get(random.nextInt(PEER_PATHS.size())), fault);
            faultsSet.incrementAndGet();
            try {
                Thread.sleep(25); // the faults' pace, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
