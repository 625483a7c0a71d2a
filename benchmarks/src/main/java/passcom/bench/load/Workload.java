package passcom.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import passcom.api.CpfCheck;
import passcom.core.route.City;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * The requests of one scenario on one network: route queries between random distinct cities, purchases
 * spread over every itinerary of their kind with plentiful seats (the scarce segments of
 * {@link BenchNetworks#scarceIn} excluded), or, for contention, the one scarce segment of this run.
 * Every purchase carries its own {@code id_pedido}, so a request resent on a fresh connection cannot buy twice.
 *
 * <p>Thread-safe: each client thread draws from its own {@link Random}.
 */
final class Workload {

    /** One request: which server (index into the federation's list), and what to send. */
    record Request(int server, String pathAndQuery, byte[] jsonBody) {
        boolean isPurchase() {
            return jsonBody != null;
        }
    }

    private static final int MAX_ITINERARIES = 5_000;
    private static final AtomicLong ORDERS = new AtomicLong();

    private final Scenario scenario;
    private final int servers;
    private final List<String> cities;
    private final List<String> oneLeg;
    private final List<String> threeAirlines;
    private final String contended;
    private final List<String> cpfs;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    /** @param contentionRun which of the scarce segments a contention run buys (one per client count) */
    Workload(Scenario scenario, RouteNetwork network, int servers, int contentionRun) {
        this.scenario = scenario;
        this.servers = servers;
        this.cities = network.cities().stream().map(City::name).toList();
        Set<String> scarce = new HashSet<>();
        BenchNetworks.scarceIn(network).forEach(k -> scarce.add(BenchNetworks.SCARCE_AIRLINE + k.origin() + "→" + k.destination()));
        this.oneLeg = oneLegItineraries(network, scarce);
        this.threeAirlines = threeAirlineItineraries(network, scarce);
        List<Segment.Key> scarceKeys = BenchNetworks.scarceIn(network);
        this.contended = scarceKeys.isEmpty() ? null
                : caminho(List.of(BenchNetworks.SCARCE_AIRLINE), scarceKeys.get(contentionRun % scarceKeys.size()));
        if (scenario == Scenario.CONTENTION && contended == null) {
            throw new IllegalArgumentException("the network has no scarce segment of airline " + BenchNetworks.SCARCE_AIRLINE
                    + " (fewer than " + BenchNetworks.PLENTIFUL_SEATS + " seats): run the servers on the bench network (data/README.md)");
        }
        if ((scenario == Scenario.PURCHASE_3AIRLINE || scenario == Scenario.MIXED) && threeAirlines.isEmpty()) {
            throw new IllegalArgumentException("the network has no 3-leg itinerary flown by A, B and C");
        }
        this.cpfs = cpfs(1_000);
    }

    /** How many distinct itineraries the purchases of this scenario are spread over. */
    int itineraries() {
        return switch (scenario) {
            case PURCHASE_1LEG -> oneLeg.size();
            case PURCHASE_3AIRLINE -> threeAirlines.size();
            case MIXED -> oneLeg.size() + threeAirlines.size();
            case CONTENTION -> 1;
            default -> 0;
        };
    }

    /** The contended itinerary's JSON "caminho", or null. */
    String contended() {
        return contended;
    }

    Request next(Random random) {
        int server = random.nextInt(servers);
        return switch (scenario) {
            case ROUTE_DEFAULT, ROUTE_1000 -> route(server, random);
            case PURCHASE_1LEG -> purchase(server, pick(oneLeg, random), random);
            case PURCHASE_3AIRLINE -> purchase(server, pick(threeAirlines, random), random);
            case CONTENTION -> purchase(server, contended, random);
            case MIXED -> random.nextInt(10) > 0 ? route(server, random)
                    : purchase(server, pick(random.nextBoolean() ? oneLeg : threeAirlines, random), random);
        };
    }

    private Request route(int server, Random random) {
        String origin = pick(cities, random);
        String destination;
        do {
            destination = pick(cities, random);
        } while (destination.equals(origin));
        return new Request(server, "/caminhos_cliente?origem=" + encode(origin) + "&destino=" + encode(destination), null);
    }

    private Request purchase(int server, String caminho, Random random) {
        String body = "{\"cpf\":\"" + pick(cpfs, random) + "\",\"id_pedido\":\"bench-" + runId + "-" + ORDERS.incrementAndGet()
                + "\",\"caminho\":" + caminho + "}";
        return new Request(server, "/comprar_cliente", body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> oneLegItineraries(RouteNetwork network, Set<String> scarce) {
        List<String> itineraries = new ArrayList<>();
        network.airlines().forEach(airline -> airline.capacity().keySet().forEach(key -> {
            if (!scarce.contains(airline.id() + key.origin() + "→" + key.destination())) {
                itineraries.add(caminho(List.of(airline.id()), key));
            }
        }));
        return sample(itineraries);
    }

    /** Every 3-leg loopless path whose legs A, B and C fly, one airline per leg in any order. */
    private static List<String> threeAirlineItineraries(RouteNetwork network, Set<String> scarce) {
        List<List<String>> orders = List.of(List.of("A", "B", "C"), List.of("A", "C", "B"), List.of("B", "A", "C"),
                List.of("B", "C", "A"), List.of("C", "A", "B"), List.of("C", "B", "A"));
        if (orders.get(0).stream().anyMatch(id -> network.airline(id).isEmpty())) {
            return List.of();
        }
        List<String> itineraries = new ArrayList<>();
        List<Segment> segments = List.copyOf(network.segments());
        java.util.Map<String, List<Segment>> from = new java.util.HashMap<>();
        segments.forEach(s -> from.computeIfAbsent(s.origin(), k -> new ArrayList<>()).add(s));
        for (Segment first : segments) {
            for (Segment second : from.getOrDefault(first.destination(), List.of())) {
                if (second.destination().equals(first.origin())) {
                    continue;
                }
                for (Segment third : from.getOrDefault(second.destination(), List.of())) {
                    if (third.destination().equals(first.origin()) || third.destination().equals(first.destination())) {
                        continue;
                    }
                    List<Segment> legs = List.of(first, second, third);
                    for (List<String> order : orders) {
                        if (flies(network, order, legs, scarce)) {
                            itineraries.add(caminho(order, legs));
                        }
                    }
                }
                if (itineraries.size() > 20 * MAX_ITINERARIES) {
                    return sample(itineraries);
                }
            }
        }
        return sample(itineraries);
    }

    private static boolean flies(RouteNetwork network, List<String> order, List<Segment> legs, Set<String> scarce) {
        for (int i = 0; i < legs.size(); i++) {
            Segment.Key key = legs.get(i).key();
            if (!network.airline(order.get(i)).orElseThrow().flies(key) || scarce.contains(order.get(i) + key.origin() + "→" + key.destination())) {
                return false;
            }
        }
        return true;
    }

    /** At most {@link #MAX_ITINERARIES}, drawn with a fixed seed so that runs are comparable. */
    private static List<String> sample(List<String> itineraries) {
        if (itineraries.size() <= MAX_ITINERARIES) {
            return itineraries;
        }
        List<String> copy = new ArrayList<>(itineraries);
        Collections.shuffle(copy, new Random(1));
        return List.copyOf(copy.subList(0, MAX_ITINERARIES));
    }

    private static String caminho(List<String> airlines, Segment.Key key) {
        return "[" + quoted(airlines) + ",[\"" + key.origin() + "\",\"" + key.destination() + "\"]]";
    }

    private static String caminho(List<String> airlines, List<Segment> legs) {
        List<String> path = new ArrayList<>();
        path.add(legs.get(0).origin());
        legs.forEach(s -> path.add(s.destination()));
        return "[" + quoted(airlines) + "," + quoted(path) + "]";
    }

    private static String quoted(List<String> names) {
        return "[" + String.join(",", names.stream().map(n -> "\"" + n + "\"").toList()) + "]";
    }

    /** Valid CPFs from a fixed seed: the first nine digits drawn, the two check digits found by trying. */
    private static List<String> cpfs(int count) {
        Random random = new Random(11);
        List<String> cpfs = new ArrayList<>();
        while (cpfs.size() < count) {
            String base = String.format("%09d", 100_000_000 + random.nextInt(899_999_999));
            for (int check = 0; check < 100; check++) {
                String cpf = base + String.format("%02d", check);
                if (CpfCheck.isValid(cpf)) {
                    cpfs.add(cpf);
                    break;
                }
            }
        }
        return cpfs;
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
