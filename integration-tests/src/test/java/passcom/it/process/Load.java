package passcom.it.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import passcom.it.Buyers;
import passcom.it.process.Attempt.Itinerary;

/**
 * Concurrent buyers driving a process federation: each buyer loops "pick a random itinerary and a random server
 * that is not {@linkplain #avoid avoided}, buy, think 0–100 ms", every customer a distinct CPF with its own
 * {@code id_pedido}. Bounded in count ({@code maxPurchases}) and in time ({@code limit}); {@link #stop} ends it
 * and waits for the purchases in flight, each bounded by the customer's own timeout.
 */
final class Load {

    private final ProcessCluster cluster;
    private final RandomItineraries itineraries;
    private final int firstCustomer;
    private final int maxPurchases;
    private final long deadlineNanos;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<String> avoided = ConcurrentHashMap.newKeySet();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool;

    private Load(ProcessCluster cluster, RandomItineraries itineraries, int buyers, int firstCustomer, int maxPurchases,
                 Duration limit) {
        this.cluster = cluster;
        this.itineraries = itineraries;
        this.firstCustomer = firstCustomer;
        this.maxPurchases = maxPurchases;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
        this.pool = Executors.newFixedThreadPool(buyers);
    }

    static Load start(ProcessCluster cluster, RandomItineraries itineraries, int buyers, long seed, int firstCustomer,
                      int maxPurchases, Duration limit) {
        Load load = new Load(cluster, itineraries, buyers, firstCustomer, maxPurchases, limit);
        for (int b = 0; b < buyers; b++) {
            Random random = new Random(seed * 31 + b);
            load.pool.submit(() -> load.buy(random));
        }
        return load;
    }

    /** From now on no new purchase goes to this airline's server (purchases naming its legs still go elsewhere). */
    void avoid(String airline) {
        avoided.add(airline);
    }

    /** No new purchase starts; returns every attempt once those in flight have ended (or throws at the limit). */
    List<Attempt> stop(Duration drainLimit) {
        stopped.set(true);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(drainLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                throw new AssertionError("purchases still in flight " + drainLimit + " after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return List.copyOf(attempts);
    }

    private void buy(Random random) {
        while (!stopped.get() && System.nanoTime() < deadlineNanos) {
            int n = issued.getAndIncrement();
            if (n >= maxPurchases) {
                return;
            }
            Itinerary itinerary = itineraries.next(random);
            List<String> servers = cluster.airlines().stream().filter(a -> !avoided.contains(a)).toList();
            String via = servers.get(random.nextInt(servers.size()));
            attempts.add(Attempt.make(cluster.uri(via), via, Buyers.cpf(firstCustomer + n), itinerary));
            ProcessCluster.pause(random.nextInt(101));
        }
    }
}
