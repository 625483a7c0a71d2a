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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import passcom.it.FreePorts;

/**
 * The launcher {@code ./passcom} as a user runs it: the real script, the real server jar, three real JVMs. It runs
 * with {@code CI=true} and {@code PASSCOM_CLIENT=0} (no desktop client), its stores in a temporary folder
 * ({@code PASSCOM_DATA_ROOT}), on three free consecutive ports ({@code PASSCOM_BASE_PORT}), and with
 * {@code PASSCOM_NO_BUILD=1}: inside {@code mvn verify} the jar was just packaged by the reactor, and a launcher
 * that ran Maven itself would write into the build's own target folders. Every wait has a generous deadline; none
 * asserts on speed. The launcher's output goes to {@code launcher.log} in the temporary folder, kept on failure.
 */
class LauncherIT {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);
    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(60);
    private static final List<String> AIRLINES = List.of("A", "B", "C");
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
        root = repositoryRoot();
        Path jar = root.resolve("server-webapp/target/passcom-server.jar");
        assertThat(jar).as("the server jar, packaged by the reactor before the integration tests (mvn verify from "
                + root + ")").isRegularFile();
        basePort = consecutiveFreePorts(AIRLINES.size());
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
    void when_one_server_is_killed_then_the_launcher_stops_the_others_and_exits_with_its_status() throws Exception {
        startLauncher();
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
        startLauncher("--tls");
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

    private void startLauncher(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("passcom").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        launcherEnvironment(builder.environment());
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
        env.remove("PASSCOM_PEERS");
        env.remove("PASSCOM_CA");
    }

    /** Until the launcher says the federation is running; it says so only once all three answer /saude. */
    private void awaitReady() {
        await("the launcher reports the federation running", READY_DEADLINE, () -> {
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited with " + launcher.exitValue() + " while starting; log:\n" + log());
            }
            return log().contains("PASSCOM federation running");
        });
    }

    private int awaitExit() throws InterruptedException {
        if (!launcher.waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher did not exit within " + EXIT_DEADLINE + "; log:\n" + log());
        }
        return launcher.exitValue();
    }

    /** The launcher's server JVMs by airline, found among its descendants by their {@code --airline} flag. */
    private Map<String, ProcessHandle> servers() {
        Map<String, ProcessHandle> servers = new TreeMap<>();
        for (String airline : AIRLINES) {
            Optional<ProcessHandle> server = launcher.descendants()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(" --airline " + airline + " ")).orElse(false))
                    .findFirst();
            assertThat(server).as("java process of airline " + airline + " under the launcher").isPresent();
            servers.put(airline, server.get());
        }
        return servers;
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

    /** The folder holding the launcher: failsafe runs in integration-tests/, the launcher is one level up. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("passcom")) && Files.isDirectory(p.resolve("server-webapp"))) {
                return p;
            }
        }
        throw new AssertionError("no ./passcom launcher in " + Path.of("").toAbsolutePath() + " or above");
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

    private static void await(String what, Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true within " + limit + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
