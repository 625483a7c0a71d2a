package passcom.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import passcom.core.cpf.Cpf;

/** Concurrent customers: real threads, real HTTP, all released at once. */
public final class Buyers {

    private Buyers() {
    }

    /** The n-th valid CPF of a deterministic sequence (distinct buyers). */
    public static String cpf(int n) {
        String base = String.format("%09d", 100_000_000 + n * 7919L % 899_999_999);
        for (int d1 = 0; d1 < 10; d1++) {
            for (int d2 = 0; d2 < 10; d2++) {
                String candidate = base + d1 + d2;
                if (Cpf.isValid(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no check digits for " + base);
    }

    static Map<String, Object> order(String cpf, List<String> airlines, List<String> cities) {
        return Map.of("cpf", cpf, "caminho", List.of(airlines, cities));
    }

    public static Http.Reply buy(URI server, String cpf, List<String> airlines, List<String> cities) {
        return Http.post(server, "/comprar_cliente", order(cpf, airlines, cities));
    }

    /** Runs {@code buyers} purchases at once, each on its own thread; returns the replies in buyer order. */
    public static List<Http.Reply> race(int buyers, IntFunction<Http.Reply> purchase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Http.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                int n = i;
                calls.add(() -> {
                    start.await();
                    return purchase.apply(n);
                });
            }
            List<Future<Http.Reply>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> f : futures) {
                replies.add(f.get(120, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Status → how many, with one error message per status: what an assertion on the counts should show when it fails. */
    public static String summary(List<Http.Reply> replies) {
        Map<Integer, List<Http.Reply>> byStatus = new java.util.TreeMap<>(
                replies.stream().collect(java.util.stream.Collectors.groupingBy(Http.Reply::status)));
        StringBuilder text = new StringBuilder();
        byStatus.forEach((status, list) -> text.append(status).append(" × ").append(list.size())
                .append(status == 200 ? "" : " (e.g. " + list.get(0).erro() + ")").append("; "));
        return text.toString();
    }

    public static long count(List<Http.Reply> replies, int status) {
        return replies.stream().filter(r -> r.status() == status).count();
    }
}
