package passcom.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import passcom.api.Json;
import passcom.it.Buyers;
import passcom.it.harness.History.Outcome;
import passcom.it.process.Attempt.Itinerary;
import passcom.it.process.Customer;
import passcom.it.process.RandomItineraries;

/**
 * The customers: each a thread with its own CPF and its own seeded {@link Random}, in a loop of route
 * searches, purchases (1–3 legs, mostly interline, always with an {@code id_pedido}), cancellations of its own
 * bookings and look-ups, at random servers, until {@link #stop}. A purchase without a definite answer is sent
 * again with the same {@code id_pedido} to the same server (at most {@link #ATTEMPTS} times, backing off); a
 * cancellation likewise. Every request goes into the {@link History}.
 */
final class Workload {

    static final int ATTEMPTS = 4;
    /** Shorter than the campaigns' 20 s: a paused or partitioned server then gives unknown outcomes, as it would to a real client. */
    static final Duration PURCHASE_TIMEOUT = Duration.ofSeconds(8);
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final Federation federation;
    private final History history;
    private final HarnessConfig config;
    private final RandomItineraries itineraries;
    private final List<String> cities;
    private final ExecutorService threads;
    private volatile boolean stopped;

    Workload(Federation federation, History history, HarnessConfig config) {
        this.federation = federation;
        this.history = history;
        this.config = config;
        this.itineraries = RandomItineraries.onDefaultNetwork(federation.airlines());
        this.cities = itineraries.cities();
        this.threads = Executors.newFixedThreadPool(config.clients(), r -> {
            Thread t = new Thread(r, "harness-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** The CPF of client {@code n}; distinct per client and per run seed's CPF block. */
    static String cpf(int client) {
        return Buyers.cpf(2_000_000 + client);
    }

    void start() {
        for (int c = 0; c < config.clients(); c++) {
            int client = c;
            threads.execute(() -> runClient(client, new Random(config.seed() * 31 + client)));
        }
    }

    /** Stops starting operations and waits (bounded) for those in flight. */
    void stop() {
        stopped = true;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(PURCHASE_TIMEOUT.multipliedBy(ATTEMPTS + 2).toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runClient(int client, Random random) {
        String cpf = cpf(client);
        List<String> mine = new ArrayList<>();
        int orders = 0;
        while (!stopped) {
            int dice = random.nextInt(100);
            String server = federation.servers().get(random.nextInt(federation.servers().size()));
            if (dice < 25) {
                search(client, server, cpf, random);
            } else if (dice < 70) {
                String reference = buy(client, server, cpf, "h" + Long.toHexString(config.seed()) + "-" + client + "-" + orders++,
                        itineraries.next(random), random);
                if (reference != null) {
                    mine.add(reference);
                }
            } else if (dice < 82 && !mine.isEmpty()) {
                cancel(client, server, cpf, mine.remove(random.nextInt(mine.size())), random);
            } else {
                lookup(client, server, cpf);
            }
            pause(config.thinkMillis()[0] + random.nextInt((int) (config.thinkMillis()[1] - config.thinkMillis()[0])));
        }
    }

    private void search(int client, String server, String cpf, Random random) {
        String from = cities.get(random.nextInt(cities.size()));
        String to = cities.get(random.nextInt(cities.size()));
        long start = history.now();
        try {
            Customer.Reply reply = Customer.search(federation.uri(server), from, to, QUERY_TIMEOUT);
            Outcome outcome = reply.status() == 200 ? Outcome.OK : reply.status() >= 500 && reply.status() != 503 ? Outcome.UNKNOWN : Outcome.FAIL;
            history.record(client, "search", server, cpf, "", List.of(), List.of(from, to), start, outcome, reply.status(), brief(reply));
        } catch (IOException e) {
            history.record(client, "search", server, cpf, "", List.of(), List.of(from, to), start, Outcome.FAIL, -1, error(e));
        }
    }

    /** Returns the booking reference when bought. */
    String buy(int client, String server, String cpf, String requestId, Itinerary itinerary, Random random) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long start = history.now();
            Outcome outcome;
            History.Op op;
            try {
                Customer.Reply reply = Customer.buy(federation.uri(server), cpf, itinerary.airlines(), itinerary.cities(), requestId,
                        PURCHASE_TIMEOUT);
                outcome = purchaseOutcome(reply);
                op = history.record(client, "buy", server, cpf, requestId, itinerary.airlines(), itinerary.cities(), start, outcome,
                        reply.status(), reply.json());
            } catch (IOException e) {
                outcome = e instanceof ConnectException ? Outcome.FAIL : Outcome.UNKNOWN;
                op = history.record(client, "buy", server, cpf, requestId, itinerary.airlines(), itinerary.cities(), start, outcome, -1, error(e));
            }
            if (outcome == Outcome.OK) {
                return op.reference();
            }
            if (outcome == Outcome.FAIL && op.status() != -1 && op.status() != 503) {
                return null; // a definite refusal (409 sold out, a 4xx): nothing to retry
            }
            if (stopped && outcome == Outcome.FAIL) {
                return null;
            }
            pause(300L * attempt + random.nextInt(500));
        }
        return null;
    }

    private void cancel(int client, String server, String cpf, String reference, Random random) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long start = history.now();
            Outcome outcome;
            int status;
            try {
                Customer.Reply reply = Customer.cancel(federation.uri(server), cpf, reference, QUERY_TIMEOUT.plusSeconds(3));
                status = reply.status();
                outcome = status == 200 ? Outcome.OK : status >= 500 && status != 503 ? Outcome.UNKNOWN : Outcome.FAIL;
                history.record(client, "cancel", server, cpf, reference, List.of(), List.of(), start, outcome, status, reply.json());
            } catch (IOException e) {
                status = -1;
                outcome = e instanceof ConnectException ? Outcome.FAIL : Outcome.UNKNOWN;
                history.record(client, "cancel", server, cpf, reference, List.of(), List.of(), start, outcome, -1, error(e));
            }
            if (outcome == Outcome.OK || outcome == Outcome.FAIL && status != 503 && status != -1) {
                return;
            }
            pause(300L * attempt + random.nextInt(500));
        }
    }

    private void lookup(int client, String server, String cpf) {
        long start = history.now();
        try {
            Customer.Reply reply = Customer.tickets(federation.uri(server), cpf, QUERY_TIMEOUT);
            Outcome outcome = reply.status() == 200 ? Outcome.OK : reply.status() >= 500 && reply.status() != 503 ? Outcome.UNKNOWN : Outcome.FAIL;
            history.record(client, "lookup", server, cpf, "", List.of(), List.of(), start, outcome, reply.status(), brief(reply));
        } catch (IOException e) {
            history.record(client, "lookup", server, cpf, "", List.of(), List.of(), start, Outcome.FAIL, -1, error(e));
        }
    }

    /** As {@code Attempt}: 200 bought; 409 naming the id_pedido still being decided; 409/503/4xx nothing bought; other 5xx unknown. */
    static Outcome purchaseOutcome(Customer.Reply reply) {
        return switch (reply.status()) {
            case 200 -> reply.json().path("passagem").path("localizador").asText().isEmpty() ? Outcome.UNKNOWN : Outcome.OK;
            case 409 -> reply.json().path("id_pedido").asText().isEmpty() ? Outcome.FAIL : Outcome.UNKNOWN;
            case 503 -> Outcome.FAIL;
            default -> reply.status() >= 500 ? Outcome.UNKNOWN : Outcome.FAIL;
        };
    }

    /** A successful query's answer shortened to what a reader of the history needs (routes are kilobytes each). */
    private static JsonNode brief(Customer.Reply reply) {
        if (reply.status() != 200) {
            return reply.json();
        }
        com.fasterxml.jackson.databind.node.ObjectNode brief = Json.mapper().createObjectNode();
        reply.json().fields().forEachRemaining(field -> {
            if (field.getValue().isArray() && field.getKey().equals("passagens")) {
                com.fasterxml.jackson.databind.node.ArrayNode refs = brief.putArray("localizadores");
                field.getValue().forEach(p -> refs.add(p.path("localizador").asText()));
            } else if (field.getValue().isArray()) {
                brief.put(field.getKey(), field.getValue().size());
            } else {
                brief.set(field.getKey(), field.getValue());
            }
        });
        return brief;
    }

    static JsonNode error(IOException e) {
        String kind = e instanceof HttpTimeoutException ? "timeout" : e instanceof ConnectException ? "connection refused" : e.toString();
        return Json.mapper().createObjectNode().put("erro", kind);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
