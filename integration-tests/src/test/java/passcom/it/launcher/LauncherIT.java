package passcom.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import passcom.it.Buyers;
import passcom.it.FreePorts;
import passcom.it.process.AirlineEndpoints;
import passcom.it.process.Attempt;
import passcom.it.process.Attempt.Itinerary;
import passcom.it.process.Attempt.Outcome;
import passcom.it.process.Books;
import passcom.it.process.Customer;
import passcom.it.process.NetworkFile;
import passcom.it.process.ServerJvm;

/**
 * The launcher {@code ./passcom} as a user runs it: the real script, the real server jar, three real JVMs. It runs
 * with {@code CI=true} and {@code PASSCOM_CLIENT=0} (no desktop client), its stores in a temporary folder
 * ({@code PASSCOM_DATA_ROOT}), on three free consecutive ports ({@code PASSCOM_BASE_PORT}), and with
 * {@code PASSCOM_NO_BUILD=1}: inside {@code mvn verify} the jar was just packaged by the reactor, and a launcher
 * that ran Maven itself would write into the build's own target folders. Every wait has a generous deadline; none
 * asserts on speed. The launcher's output goes to {@code launcher.log} in the temporary folder, kept on failure.
 *
 * <p>Once the federation is up, the launcher restarts a server that dies (issue 20, "the launcher heals instead of
 * giving up"): the tests kill one airline with SIGKILL, as a user trying PASSCOM's fault tolerance would, and check
 * it comes back by itself while the other two answer throughout; that one dying again right after every restart is
 * given up on; and that {@code --no-restart} or {@code PASSCOM_RESTART=0} bring back the old stop-everything.
 */
class LauncherIT {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);
    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(60);
    private static final Duration QUIET_DEADLINE = Duration.ofSeconds(60);
    /** Across every airline on the default network, so a purchase holds a seat on the one that is killed. */
    private static final Itinerary ACROSS_ALL = new Itinerary(List.of("A", "B", "C"),
            List.of("Cuiabá", "Goiânia", "Belo Horizonte", "Vitória"));
    private static final int SEATS = 100;
    private static final int BUYERS = 2;
    private static final int MAX_PURCHASES = 60;
    /** The launcher gives up after three quick deaths in a row; a first death more than 10 s after start is not quick. */
    private static final int MAX_KILLS = 6;
    private static final List<String> AIRLINES = List.of("A", "B", "C");
    /** {@code ./passcom --companhias 4}: D too, on the port after C's (the ports are found free for four). */
    private static final List<String> FOUR = List.of("A", "B", "C", "D");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private Path root;
    private int basePort;
    private Process launcher;
    /** Kills the launcher's processes if the test JVM exits first (e.g. a failsafe timeout), so none outlives it. */
    private final Thread orphanGuard = new Thread(this::killEverything, "launcher-it-orphan-guard");

    @BeforeEach
    void findRepository() {
        root = ServerJvm.repositoryRoot();
        Path jar = root.resolve("server-webapp/target/passcom-server.jar");
        assertThat(jar).as("the server jar, packaged by the reactor before the integration tests (mvn verify from "
                + root + ")").isRegularFile();
        basePort = consecutiveFreePorts(FOUR.size());
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    @AfterEach
    void stopLauncher() {
        killEverything();
        Runtime.getRuntime().removeShutdownHook(orphanGuard);
    }

    @Test
    void when_started_then_all_three_airlines_answer_and_the_federation_plans_routes() throws Exception {
        startLauncher();

        awaitReady();
        for (int i = 0; i < AIRLINES.size(); i++) {
            assertThat(status(server(i).resolve("/saude"))).as("/saude of airline " + AIRLINES.get(i)).isEqualTo(200);
        }
        HttpResponse<String> routes = get(server(0).resolve("/caminhos_cliente?origem=Cuiab%C3%A1&destino=Porto%20Alegre"));
        assertThat(routes.statusCode()).as(routes.body()).isEqualTo(200);
        assertThat(routes.body()).contains("mais_curtos", "mais_baratos");
        for (String airline : AIRLINES) {
            assertThat(dir.resolve("var").resolve(airline)).as("store of " + airline + " under PASSCOM_DATA_ROOT").isDirectory();
        }
    }

    @Test
    void when_started_with_four_airlines_then_each_answers_on_its_port_and_a_route_takes_d_s_leg() throws Exception {
        startLauncher(Map.of(), "--companhias", "4");

        awaitReady();
        for (int i = 0; i < FOUR.size(); i++) {
            assertThat(status(server(i).resolve("/saude"))).as("/saude of airline " + FOUR.get(i)).isEqualTo(200);
            assertThat(dir.resolve("var").resolve(FOUR.get(i))).as("store of " + FOUR.get(i)).isDirectory();
        }
        assertThat(log()).contains("airline D  http://127.0.0.1:" + (basePort + 3), "D at R$ 175.00");
        // D flies what A flies (the default network lists only A, B and C), so every server's answer has D's paths.
        for (int i = 0; i < FOUR.size(); i++) {
            HttpResponse<String> routes = get(server(i).resolve("/caminhos_cliente?origem=Cuiab%C3%A1&destino=Porto%20Alegre"));
            assertThat(routes.statusCode()).as(routes.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(routes.body());
            assertThat(answer.path("companhias_indisponiveis")).as(FOUR.get(i) + ": " + routes.body()).isEmpty();
            List<String> answered = new ArrayList<>();
            answer.path("caminhos_encontrados").forEach(paths -> answered.add(paths.get(0).asText()));
            assertThat(answered).as("airlines whose paths " + FOUR.get(i) + " merged").containsExactlyInAnyOrderElementsOf(FOUR);
        }
        Customer.Reply bought = Customer.buy(server(0), Buyers.cpf(1), List.of("D", "C"), List.of("Cuiabá", "Goiânia", "Belo Horizonte"),
                "launcher-four-1", Duration.ofSeconds(30));
        assertThat(bought.status()).as(bought.json().toString()).isEqualTo(200);
    }

    @Test
    void when_companhias_is_not_a_count_or_a_list_of_ids_then_the_launcher_says_so_and_starts_nothing() throws Exception {
        startLauncher(Map.of(), "--companhias", "27");

        assertThat(awaitExit()).as("exit status; log:\n" + log()).isEqualTo(2);
        assertThat(log()).contains("--companhias 27: a count goes from 1 to 26 (A to Z)");
        assertThat(dir.resolve("var")).doesNotExist();
    }

    @Test
    void when_an_airline_is_killed_after_start_then_it_comes_back_by_itself_its_purchases_resolve_and_the_others_never_stop_answering()
            throws Exception {
        // --acesso-aberto: the audit (Books) lists each customer's bookings by CPF, as the crash campaigns do.
        startLauncher(Map.of(), "--network", NetworkFile.withDefaultSeats(dir, SEATS).toString(), "--acesso-aberto");
        awaitReady();
        ProcessHandle killed = servers().get("B");
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Attempt before = Attempt.make(server(0), "A", Buyers.cpf(0), ACROSS_ALL);
        assertThat(before.outcome()).as("a booking across A, B and C before the kill: %s", before).isEqualTo(Outcome.ACKNOWLEDGED);
        attempts.add(before);

        List<String> outage;
        int beforeKill;
        int answeredA;
        int answeredC;
        AtomicBoolean enough = new AtomicBoolean();
        AtomicInteger issued = new AtomicInteger(1);
        ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
        try (UptimeProbe others = UptimeProbe.start(Map.of("A", server(0), "C", server(2)))) {
            for (int b = 0; b < BUYERS; b++) {
                buyers.submit(() -> buyAcrossAllUntil(enough, issued, attempts));
            }
            Awaitility.await("purchases under way").atMost(READY_DEADLINE).until(() -> attempts.size() > BUYERS);
            enough.set(true); // the buyers start no new purchase: those running now are the ones the kill hits
            beforeKill = attempts.size();
            killed.destroyForcibly(); // SIGKILL, with purchases back to back holding seats on B
            buyers.shutdown();
            assertThat(buyers.awaitTermination(60, TimeUnit.SECONDS)).as("purchases in flight at the kill answered").isTrue();

            awaitRestarted("B", List.of(killed.pid()));
            Awaitility.await("a purchase across A, B and C sells again").atMost(READY_DEADLINE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Attempt after = Attempt.make(server(0), "A", Buyers.cpf(issued.getAndIncrement()), ACROSS_ALL);
                        attempts.add(after);
                        return after.outcome() == Outcome.ACKNOWLEDGED;
                    });
            outage = others.failures();
            answeredA = others.answered("A");
            answeredC = others.answered("C");
        } finally {
            buyers.shutdownNow();
        }

        assertThat(outage).as("A and C never stop answering while B is killed and restarted").isEmpty();
        assertThat(answeredA).as("answers of A while B was down").isPositive();
        assertThat(answeredC).as("answers of C while B was down").isPositive();
        assertThat(launcher.isAlive()).as("the launcher runs on; log:\n" + log()).isTrue();
        assertThat(log()).as("the launcher says what it did").contains("airline B (pid " + killed.pid()
                + ") exited with status 137 (killed by signal 9, SIGKILL); restarting it in ");
        awaitQuiet();
        Map<Outcome, Long> outcomes = attempts.stream()
                .collect(Collectors.groupingBy(Attempt::outcome, () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        Books books = Books.read(endpoints(), attempts);
        System.out.printf("B killed after %d purchases were answered, %d in all: %s; bookings listed %d; A and C answered %d and %d times%n",
                beforeKill, attempts.size(), outcomes, books.listedBookings(), answeredA, answeredC);
        books.assertConsistent(endpoints(), attempts);
        assertThat(books.listedBookings()).as("bookings listed: the one made before the kill and the one after, at least")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void when_an_airline_keeps_dying_right_after_each_restart_then_the_launcher_gives_up_on_it_the_others_keep_running_and_ctrl_c_stops_them()
            throws Exception {
        startLauncher();
        awaitReady();
        List<Long> killed = new CopyOnWriteArrayList<>(); // read by Awaitility's polling thread
        String givenUp = "it died within 10 s of starting 3 times in a row, so it is given up on (still running: A C)";
        List<String> outage;
        try (UptimeProbe others = UptimeProbe.start(Map.of("A", server(0), "C", server(2)))) {
            while (!log().contains(givenUp)) {
                assertThat(killed).as("B killed, and restarted each time; log:\n" + log()).hasSizeLessThan(MAX_KILLS);
                AtomicReference<ProcessHandle> next = new AtomicReference<>();
                Awaitility.await("B started again, or given up on").atMost(READY_DEADLINE).pollInterval(Duration.ofMillis(50))
                        .until(() -> {
                            assertLauncherRuns();
                            serverProcess("B").filter(p -> !killed.contains(p.pid())).ifPresent(next::set);
                            return next.get() != null || log().contains(givenUp);
                        });
                if (next.get() != null) {
                    next.get().destroyForcibly(); // as soon as it appears: well within 10 s of its start
                    killed.add(next.get().pid());
                }
            }
            assertThat(log()).contains("airline B (pid " + killed.get(killed.size() - 1)
                    + ") exited with status 137 (killed by signal 9, SIGKILL): " + givenUp);
            // Longer than the longest backoff (4 s): a restart still planned would have happened.
            Awaitility.await("B stays down, the launcher runs on").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30))
                    .until(() -> launcher.isAlive() && serverProcess("B").isEmpty());
            outage = others.failures();
            assertThat(others.answered("A")).isPositive();
            assertThat(others.answered("C")).isPositive();
        }
        assertThat(outage).as("A and C never stop answering").isEmpty();

        Map<String, ProcessHandle> running = Map.of("A", serverProcess("A").orElseThrow(), "C", serverProcess("C").orElseThrow());
        Process interrupt = new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid())).inheritIO().start(); // Ctrl-C
        assertThat(interrupt.waitFor(10, TimeUnit.SECONDS) && interrupt.exitValue() == 0).as("kill -INT ran").isTrue();
        assertThat(awaitExit()).as("exit status after Ctrl-C; log:\n" + log()).isEqualTo(130);
        assertThat(running.values()).as("servers still running after the launcher exited").noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void when_a_server_cannot_start_then_the_launch_ends_with_its_status_even_with_restarts_on() throws Exception {
        int metricsBase = consecutiveFreePorts(AIRLINES.size());
        // B's metrics port (the base + 1) taken: B exits at start, A and C would start fine.
        try (ServerSocket taken = new ServerSocket(metricsBase + 1, 1, InetAddress.getLoopbackAddress())) {
            startLauncher(Map.of("PASSCOM_METRICS_BASE_PORT", String.valueOf(taken.getLocalPort() - 1)));

            int status = awaitExit();

            assertThat(status).as("exit status; log:\n" + log()).isNotZero();
            assertThat(log()).contains(") exited with status " + status + "; stopping the others")
                    .contains("airline B (pid ").doesNotContain("restarting it");
            assertThat(freeRange(basePort, AIRLINES.size())).as("A, B and C's ports free again: the others were stopped").isTrue();
        }
    }

    @ParameterizedTest(name = "restarts off by {0}")
    @ValueSource(strings = {"--no-restart", "PASSCOM_RESTART=0"})
    void when_restarts_are_off_and_one_server_is_killed_then_the_launcher_stops_the_others_and_exits_with_its_status(String off)
            throws Exception {
        if (off.startsWith("--")) {
            startLauncher(Map.of(), off);
        } else {
            startLauncher(Map.of(off.substring(0, off.indexOf('=')), off.substring(off.indexOf('=') + 1)));
        }
        awaitReady();
        Map<String, ProcessHandle> servers = servers();

        servers.get("B").destroyForcibly(); // SIGKILL: what the launcher must notice by itself

        int status = awaitExit();
        assertThat(status).as("exit status (SIGKILL of B is 128 + 9); log:\n" + log()).isEqualTo(137);
        assertThat(log()).contains("airline B (pid " + servers.get("B").pid() + ") exited with status 137");
        assertThat(servers.values()).as("servers still running after the launcher exited")
                .noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void when_the_launcher_gets_sigterm_then_it_stops_every_server_and_exits_143() throws Exception {
        startLauncher();
        awaitReady();
        Map<String, ProcessHandle> servers = servers();

        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(launcher.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -TERM ran").isTrue();

        assertThat(awaitExit()).as("exit status; log:\n" + log()).isEqualTo(143);
        assertThat(servers.values()).as("servers still running after the launcher exited")
                .noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void when_started_with_tls_then_the_cli_finds_the_federation_and_plans_routes_over_https() throws Exception {
        startLauncher(Map.of(), "--tls");
        awaitReady();

        Path cliLog = dir.resolve("cli.log");
        ProcessBuilder cli = new ProcessBuilder(root.resolve("passcom").toString(), "cli", "rotas", "--origem", "Cuiabá", "--destino", "Porto Alegre")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(cliLog.toFile());
        launcherEnvironment(cli.environment());
        Process rotas = cli.start();

        assertThat(rotas.waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the CLI finished").isTrue();
        String said = Files.readString(cliLog, StandardCharsets.UTF_8);
        assertThat(rotas.exitValue()).as(said).isZero();
        assertThat(said).contains("Rotas de Cuiabá para Porto Alegre");
        assertThat(log()).contains("over TLS", "https://127.0.0.1:" + basePort);
        Path tls = dir.resolve("var").resolve("tls");
        assertThat(tls.resolve("ca.pem")).isRegularFile();
        assertThat(tls.resolve("clients.env")).as("the running federation's client settings").isRegularFile();

        new ProcessBuilder("kill", "-TERM", String.valueOf(launcher.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        assertThat(awaitExit()).as("exit status; log:\n" + log()).isEqualTo(143);
        assertThat(tls.resolve("clients.env")).as("gone once the federation stopped").doesNotExist();
    }

    private void startLauncher() throws IOException {
        startLauncher(Map.of());
    }

    /** The launcher with these variables set besides the tests' own, and these arguments. */
    private void startLauncher(Map<String, String> moreEnv, String... args) throws IOException {
        // As from a terminal, where Ctrl-C's SIGINT has its default handling: a JVM started in the background by a
        // non-interactive shell (a CI script) passes SIGINT on ignored, and bash cannot trap a signal ignored at
        // entry. env execs the launcher, so launcher.pid() is the launcher's.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", root.resolve("passcom").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        launcherEnvironment(builder.environment());
        builder.environment().putAll(moreEnv);
        launcher = builder.start();
    }

    private void launcherEnvironment(Map<String, String> env) {
        env.put("CI", "true");
        env.put("PASSCOM_CLIENT", "0");
        env.put("PASSCOM_NO_BUILD", "1");
        env.put("PASSCOM_DATA_ROOT", dir.resolve("var").toString());
        env.put("PASSCOM_BASE_PORT", String.valueOf(basePort));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("PASSCOM_DB_URL");
        env.remove("PASSCOM_SERVERS");
        env.remove("PASSCOM_RESTART");
        env.remove("PASSCOM_PEERS");
        env.remove("PASSCOM_CA");
    }

    /** Until the launcher says the federation is running; it says so only once all three answer /saude. */
    private void awaitReady() {
        Awaitility.await("the launcher reports the federation running").atMost(READY_DEADLINE).until(() -> {
            assertLauncherRuns();
            return log().contains("PASSCOM federation running");
        });
    }

    /** Fails at once, with the log, when the launcher has exited: a wait for anything else would only time out. */
    private void assertLauncherRuns() {
        if (!launcher.isAlive()) {
            throw new AssertionError("the launcher exited with " + launcher.exitValue() + "; log:\n" + log());
        }
    }

    /** Until the launcher has started this airline's server again: a live one that is none of {@code killed}. */
    private void awaitRestarted(String airline, List<Long> killed) {
        Awaitility.await("airline " + airline + " restarted by the launcher").atMost(READY_DEADLINE).until(() -> {
            assertLauncherRuns();
            return serverProcess(airline).filter(p -> !killed.contains(p.pid())).isPresent();
        });
    }

    /** Until every airline has no seat held and no transaction left to decide or deliver, as the crash tests wait. */
    private void awaitQuiet() {
        Awaitility.await("every hold decided and every decision delivered").atMost(QUIET_DEADLINE).ignoreExceptions()
                .until(() -> {
                    for (int i = 0; i < AIRLINES.size(); i++) {
                        Customer.Reply health = Customer.health(server(i));
                        if (health.status() != 200 || health.json().path("reservas_abertas").asLong(-1) != 0
                                || health.json().path("transacoes_pendentes").asLong(-1) != 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Purchases across all three airlines, alternately through A and C, back to back until told to stop (bounded). */
    private void buyAcrossAllUntil(AtomicBoolean enough, AtomicInteger issued, List<Attempt> attempts) {
        int n;
        while (!enough.get() && (n = issued.getAndIncrement()) < MAX_PURCHASES) {
            int via = n % 2 == 0 ? 0 : 2;
            attempts.add(Attempt.make(server(via), AIRLINES.get(via), Buyers.cpf(n), ACROSS_ALL));
        }
    }

    private AirlineEndpoints endpoints() {
        Map<String, URI> uris = new HashMap<>();
        for (int i = 0; i < AIRLINES.size(); i++) {
            uris.put(AIRLINES.get(i), server(i));
        }
        return new AirlineEndpoints() {
            @Override
            public List<String> airlines() {
                return AIRLINES;
            }

            @Override
            public URI uri(String airline) {
                return uris.get(airline);
            }
        };
    }

    private int awaitExit() throws InterruptedException {
        if (!launcher.waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher did not exit within " + EXIT_DEADLINE + "; log:\n" + log());
        }
        return launcher.exitValue();
    }

    /** The launcher's server JVMs by airline. */
    private Map<String, ProcessHandle> servers() {
        Map<String, ProcessHandle> servers = new TreeMap<>();
        for (String airline : AIRLINES) {
            Optional<ProcessHandle> server = serverProcess(airline);
            assertThat(server).as("java process of airline " + airline + " under the launcher").isPresent();
            servers.put(airline, server.get());
        }
        return servers;
    }

    /** This airline's live server JVM among the launcher's descendants, found by its {@code --airline} flag. */
    private Optional<ProcessHandle> serverProcess(String airline) {
        return launcher.descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(" --airline " + airline + " ")).orElse(false))
                .findFirst();
    }

    private URI server(int index) {
        return URI.create("http://127.0.0.1:" + (basePort + index));
    }

    private static int status(URI uri) throws IOException, InterruptedException {
        return get(uri).statusCode();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("launcher.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void killEverything() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    /** A port such that it and the next {@code count - 1} are free on 127.0.0.1 (A, B, C take consecutive ports). */
    private static int consecutiveFreePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = FreePorts.next();
            if (base + count - 1 <= 65_535 && freeRange(base + 1, count - 1)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static boolean freeRange(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
