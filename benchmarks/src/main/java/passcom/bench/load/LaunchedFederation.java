package passcom.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A federation of A, B and C (or the airlines given: {@code ./passcom --companhias N}) started with the launcher
 * ({@code PASSCOM_RESTART=0 ./passcom --network FILE}) on free consecutive ports, with fresh stores in a temporary folder, as separate processes with the launcher's
 * own JVM options: what the driver measures when it is given no {@code --servers}. {@link #close} stops
 * it as Ctrl-C would (SIGTERM to the launcher, which stops the servers), then kills what is left.
 */
final class LaunchedFederation implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 120;

    private final Process launcher;
    private final Map<String, URI> servers = new LinkedHashMap<>();
    private final long startMillis;
    private final Path log;
    private final Optional<Path> tlsCa;

    /**
     * @param tlsDir with TLS ({@code ./passcom --tls}), where the launcher keeps the federation CA and the airline
     *               certificates; one for every federation of a run, so that this JVM trusts one CA
     */
    LaunchedFederation(Path launcherScript, Path network, Path workDir, List<String> airlines, Optional<Path> tlsDir)
            throws IOException, InterruptedException {
        int base = freeBasePort(airlines.size());
        for (String id : airlines) {
            servers.put(id, URI.create((tlsDir.isPresent() ? "https" : "http") + "://127.0.0.1:" + (base + servers.size())));
        }
        Files.createDirectories(workDir);
        log = workDir.resolve("federation.log");
        // No restarts: a server that dies mid-run must stop the measurement, not come back unseen inside its figures.
        List<String> command = new ArrayList<>(List.of(launcherScript.toString(), "--network", network.toString()));
        if (!airlines.equals(List.of("A", "B", "C"))) {
            // Only when asked: an older build's launcher (scripts/bench-compare.sh) knows no --companhias.
            command.addAll(List.of("--companhias", String.join(",", airlines)));
        }
        tlsDir.ifPresent(dir -> command.add("--tls"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        tlsDir.ifPresent(dir -> builder.environment().put("PASSCOM_TLS_DIR", dir.toString()));
        builder.environment().put("PASSCOM_BASE_PORT", Integer.toString(base));
        builder.environment().put("PASSCOM_DATA_ROOT", workDir.resolve("var").toString());
        builder.environment().put("PASSCOM_CLIENT", "0");
        // PASSCOM_RESTART=0, not --no-restart: an older build's launcher (scripts/bench-compare.sh) ignores the variable
        // but would refuse the flag.
        builder.environment().put("PASSCOM_RESTART", "0");
        builder.environment().put("PASSCOM_NO_BUILD", "1");
        builder.environment().put("PASSCOM_START_TIMEOUT", Long.toString(START_TIMEOUT_SECONDS));
        tlsCa = tlsDir.map(dir -> dir.resolve("ca.pem"));
        long t0 = System.nanoTime();
        launcher = builder.start();
        awaitReady();
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    Map<String, URI> servers() {
        return servers;
    }

    /** From launch until every airline answered /saude (they start at once on the shared cores). */
    long startMillis() {
        return startMillis;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        for (URI server : servers.values()) {
            KeepAliveConnection connection = new KeepAliveConnection(server);
            while (true) {
                if (!launcher.isAlive()) {
                    throw new IOException("the federation exited with " + launcher.exitValue() + " while starting; see " + log);
                }
                try {
                    // Over TLS the trust is built from the CA on the first https connection: not before the launcher made it.
                    if (tlsCa.map(Files::isRegularFile).orElse(true) && connection.get("/saude") == 200) {
                        break;
                    }
                } catch (IOException e) {
                    connection.close();
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IOException(server + " did not answer /saude within " + START_TIMEOUT_SECONDS + " s; see " + log);
                }
                Thread.sleep(20);
            }
            connection.close();
        }
    }

    /** {@code count} consecutive ports that are free now. */
    private static int freeBasePort(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0)) {
                base = probe.getLocalPort();
            }
            if (base > 65_000) {
                continue;
            }
            if (IntStream.range(0, count).allMatch(i -> free(base + i))) {
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!launcher.isAlive()) {
            return;
        }
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        try {
            if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(child -> {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        });
        deleteStores();
    }

    /** The stores are only load-test data; the log stays next to them for a look afterwards. */
    private void deleteStores() {
        Path stores = log.resolveSibling("var");
        if (!Files.isDirectory(stores)) {
            return;
        }
        try (var paths = Files.walk(stores)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + stores + ": " + e.getMessage());
        }
    }
}
