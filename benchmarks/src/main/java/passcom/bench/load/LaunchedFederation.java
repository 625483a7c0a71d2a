package passcom.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A federation of A, B and C started with the launcher ({@code PASSCOM_RESTART=0 ./passcom --network FILE}) on three free
 * consecutive ports, with fresh stores in a temporary folder, as separate processes with the launcher's
 * own JVM options: what the driver measures when it is given no {@code --servers}. {@link #close} stops
 * it as Ctrl-C would (SIGTERM to the launcher, which stops the servers), then kills what is left.
 */
final class LaunchedFederation implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 120;

    private final Process launcher;
    private final Map<String, URI> servers = new LinkedHashMap<>();
    private final long startMillis;
    private final Path log;

    LaunchedFederation(Path launcherScript, Path network, Path workDir) throws IOException, InterruptedException {
        int base = freeBasePort();
        for (String id : List.of("A", "B", "C")) {
            servers.put(id, URI.create("http://127.0.0.1:" + (base + servers.size())));
        }
        Files.createDirectories(workDir);
        log = workDir.resolve("federation.log");
        // No restarts: a server that dies mid-run must stop the measurement, not come back unseen inside its figures.
        ProcessBuilder builder = new ProcessBuilder(launcherScript.toString(), "--network", network.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PASSCOM_BASE_PORT", Integer.toString(base));
        builder.environment().put("PASSCOM_DATA_ROOT", workDir.resolve("var").toString());
        builder.environment().put("PASSCOM_CLIENT", "0");
        // PASSCOM_RESTART=0, not --no-restart: an older build's launcher (scripts/bench-compare.sh) ignores the variable
        // but would refuse the flag.
        builder.environment().put("PASSCOM_RESTART", "0");
        builder.environment().put("PASSCOM_NO_BUILD", "1");
        builder.environment().put("PASSCOM_START_TIMEOUT", Long.toString(START_TIMEOUT_SECONDS));
        long t0 = System.nanoTime();
        launcher = builder.start();
        awaitReady();
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    Map<String, URI> servers() {
        return servers;
    }

    /** From launch until all three answered /saude (the three start at once on the shared cores). */
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
                    if (connection.get("/saude") == 200) {
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

    /** Three consecutive ports that are free now. */
    private static int freeBasePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0)) {
                base = probe.getLocalPort();
            }
            if (base > 65_000) {
                continue;
            }
            if (free(base) && free(base + 1) && free(base + 2)) {
                return base;
            }
        }
        throw new IOException("no three consecutive free ports found");
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
