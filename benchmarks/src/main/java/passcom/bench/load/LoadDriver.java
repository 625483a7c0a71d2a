package passcom.bench.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import passcom.bench.CommandLine;
import passcom.core.route.NetworkLoader;
import passcom.core.route.NetworkWriter;
import passcom.core.route.RouteNetwork;
import passcom.core.route.generate.NewAirlines;

/**
 * The load driver ({@code ./passcom bench}, docs/PERFORMANCE.md): every scenario of {@link Scenario} at
 * every client count for a fixed time, against a running federation ({@code --servers A=URL,B=URL,C=URL}
 * with {@code --network FILE}, the file those servers run) or, without {@code --servers}, against
 * federations it starts itself with the launcher: one on {@link BenchNetworks#plentiful} and one on
 * {@link BenchNetworks#large} for the 1,000-city route queries. Prints a table per scenario and writes
 * them to {@code --out} (docs/PERFORMANCE.md). Asserts nothing about speed.
 *
 * <p>Flags: {@code --scenario a,b} (all), {@code --clients 1,8,32,128}, {@code --duration S} (5 per client
 * count), {@code --warmup S} (1), {@code --prewarm S} (10: unmeasured load before a federation's first scenario), {@code --out FILE}, {@code --large-cities N} (1000), {@code --companhias N} (3: its own federations
 * run N airlines, A, B, C, ...: the bench network gives the added ones A's seats ({@link NewAirlines}), the large one is
 * generated for N), {@code --launcher
 * PATH} (the ./passcom script; set by it), {@code --command TEXT} (the command line to record), {@code --tls} (its own
 * federations over TLS, {@code ./passcom --tls}: customer requests over HTTPS; given https servers need
 * {@code PASSCOM_CA} instead, docs/tls.md).
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("passcom bench: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the matrix; returns the report's file. */
    public static Path run(String[] args) throws Exception {
        Map<String, String> flags = CommandLine.flags(args);
        List<Scenario> scenarios = Scenario.parse(flags.getOrDefault("scenario",
                String.join(",", Arrays.stream(Scenario.values()).map(s -> s.flag).toList())));
        List<Integer> clients = Arrays.stream(flags.getOrDefault("clients", "1,8,32,128").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        long durationMillis = Math.round(Double.parseDouble(flags.getOrDefault("duration", "5")) * 1000);
        long warmupMillis = Math.round(Double.parseDouble(flags.getOrDefault("warmup", "1")) * 1000);
        Path out = Path.of(flags.getOrDefault("out", "docs/PERFORMANCE.md"));
        String command = flags.getOrDefault("command", "passcom bench " + String.join(" ", args));
        Report report = new Report(command);
        long prewarmMillis = Math.round(Double.parseDouble(flags.getOrDefault("prewarm", "10")) * 1000);
        Matrix matrix = new Matrix(clients, warmupMillis, durationMillis, prewarmMillis, report);
        if (flags.containsKey("servers")) {
            Map<String, URI> servers = servers(flags.get("servers"));
            RouteNetwork network = flags.containsKey("network") ? NetworkLoader.load(Path.of(flags.get("network"))) : BenchNetworks.plentiful();
            report.note("federation: given, " + servers + ", network " + flags.getOrDefault("network", "the bench network (built in)")
                    + " (" + network.cities().size() + " cities, " + network.segments().size() + " segments)");
            matrix.prewarm(scenarios.get(0), servers, network);
            for (Scenario scenario : scenarios) {
                matrix.run(scenario, servers, network);
            }
        } else {
            String launcher = flags.getOrDefault("launcher", System.getProperty("passcom.launcher"));
            if (launcher == null) {
                throw new IllegalArgumentException("give --servers A=URL,B=URL,C=URL (and --network FILE), or run it as ./passcom bench"
                        + " so that it can start its own federation");
            }
            ownFederations(Path.of(launcher), scenarios, Integer.parseInt(flags.getOrDefault("large-cities", "1000")),
                    airlines(flags.getOrDefault("companhias", "3")), "true".equals(flags.get("tls")), matrix, report);
        }
        report.write(out);
        return out;
    }

    private static void ownFederations(Path launcher, List<Scenario> scenarios, int largeCities, List<String> airlines, boolean tls,
            Matrix matrix, Report report) throws Exception {
        Path work = Files.createTempDirectory("passcom-bench-");
        Optional<Path> tlsDir = tls ? Optional.of(work.resolve("tls")) : Optional.empty();
        // Read when the first https connection opens, after the first launch made the CA.
        tlsDir.ifPresent(dir -> System.setProperty("passcom.ca", dir.resolve("ca.pem").toString()));
        report.note("transport: " + (tls ? "HTTPS for the customers' requests, mutual TLS between the airlines (./passcom --tls)" : "plain HTTP on 127.0.0.1"));
        Map<RouteNetwork, List<Scenario>> byNetwork = new LinkedHashMap<>();
        RouteNetwork plentiful = NewAirlines.addTo(BenchNetworks.plentiful(), airlines);
        RouteNetwork large = scenarios.stream().anyMatch(Scenario::onLargeNetwork) ? BenchNetworks.large(largeCities, airlines.size()) : null;
        for (Scenario scenario : scenarios) {
            byNetwork.computeIfAbsent(scenario.onLargeNetwork() ? large : plentiful, n -> new ArrayList<>()).add(scenario);
        }
        int n = 0;
        for (var entry : byNetwork.entrySet()) {
            RouteNetwork network = entry.getKey();
            Path file = NetworkWriter.write(network, work.resolve("network-" + n + ".json"));
            try (LaunchedFederation federation = new LaunchedFederation(launcher, file, work.resolve("federation-" + n), airlines, tlsDir)) {
                report.note(String.format("federation %d: started by the launcher on %d cities / %d directed segments (%s seats per"
                                + " segment) in %d ms from launch until all %d answered /saude; servers %s", n,
                        network.cities().size(), network.segments().size(),
                        network == plentiful ? BenchNetworks.PLENTIFUL_SEATS + " (B's " + BenchNetworks.SCARCE_SEGMENTS + " scarce ones: "
                                + BenchNetworks.SCARCE_SEATS + ")" : Integer.toString(BenchNetworks.PLENTIFUL_SEATS),
                        federation.startMillis(), airlines.size(), federation.servers()));
                matrix.prewarm(entry.getValue().get(0), federation.servers(), network);
                for (Scenario scenario : entry.getValue()) {
                    matrix.run(scenario, federation.servers(), network);
                }
            }
            n++;
        }
    }

    /** One scenario at every client count, on one federation. */
    private record Matrix(List<Integer> clients, long warmupMillis, long durationMillis, long prewarmMillis, Report report) {

        /**
         * Load that is not measured, before a federation's first scenario: fresh server JVMs spend their first
         * seconds compiling (JFR: ~15 s of JIT work in the first 20 s of route queries), which would be charged to
         * whichever scenario came first. The mixed workload when the network has purchases, else the scenario's own.
         */
        void prewarm(Scenario first, Map<String, URI> servers, RouteNetwork network) throws InterruptedException {
            if (prewarmMillis <= 0) {
                return;
            }
            Scenario load = first.onLargeNetwork() ? first : Scenario.MIXED;
            List<URI> uris = List.copyOf(servers.values());
            ClosedLoop.Outcome outcome = new ClosedLoop(uris, new Workload(load, network, uris.size(), 0), new ServerMemory(servers))
                    .run(8, 0, prewarmMillis);
            report.note(String.format("pre-warm (not measured): %s at 8 clients for %.0f s, %d requests", load.flag,
                    prewarmMillis / 1000.0, outcome.requests()));
        }

        void run(Scenario scenario, Map<String, URI> servers, RouteNetwork network) throws InterruptedException {
            List<URI> uris = List.copyOf(servers.values());
            ServerMemory memory = new ServerMemory(servers);
            List<ClosedLoop.Outcome> outcomes = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                Workload workload = new Workload(scenario, network, uris.size(), i);
                ClosedLoop.Outcome outcome = new ClosedLoop(uris, workload, memory).run(clients.get(i), warmupMillis, durationMillis);
                outcomes.add(outcome);
                if (scenario == Scenario.CONTENTION) {
                    extra.add(String.format("%d clients: %s, %d seats; warm-up and measured together: sold %d (200), refused %d (409),"
                                    + " other %d", clients.get(i), workload.contended(), BenchNetworks.SCARCE_SEATS, outcome.countWithWarmup(200),
                            outcome.countWithWarmup(409), outcome.warmupStatuses().values().stream().mapToLong(Long::longValue).sum()
                                    + outcome.requests() - outcome.countWithWarmup(200) - outcome.countWithWarmup(409)));
                }
            }
            Workload sample = new Workload(scenario, network, uris.size(), 0);
            String setup = String.format("%d cities, %d directed segments; %s s per client count after %s s of warm-up",
                    network.cities().size(), network.segments().size(), durationMillis / 1000.0, warmupMillis / 1000.0)
                    + (sample.itineraries() > 1 ? "; purchases spread over " + sample.itineraries() + " itineraries" : "");
            if (scenario == Scenario.MIXED) {
                extra.add("errors other than 409: " + outcomes.stream().mapToLong(o -> o.requests() - o.count(200) - o.count(409)).sum());
            }
            String title = scenario == Scenario.ROUTE_DEFAULT || scenario == Scenario.ROUTE_1000
                    ? String.format("route query, %,d-city network", network.cities().size()) : scenario.title;
            report.scenario(title, setup, outcomes, String.join("\n", extra.stream().map(e -> "- " + e).toList()));
        }
    }

    /** {@code --companhias N}: airlines A, B, C, ... (1 to 26, as the launcher's count). */
    private static List<String> airlines(String count) {
        int n;
        try {
            n = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 26) {
            throw new IllegalArgumentException("--companhias takes a count from 1 to 26 (A to Z), got '" + count + "'");
        }
        return IntStream.range(0, n).mapToObj(i -> String.valueOf((char) ('A' + i))).toList();
    }

    private static Map<String, URI> servers(String list) {
        Map<String, URI> servers = new LinkedHashMap<>();
        for (String item : list.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--servers takes ID=URL,ID=URL..., got '" + item + "'");
            }
            servers.put(item.substring(0, eq).strip(), URI.create(item.substring(eq + 1).strip()));
        }
        return servers;
    }
}
