package passcom.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import passcom.it.process.ProcessCluster;

/**
 * The harness's federation: A, B and C as separate JVMs ({@link ProcessCluster}, each its own SQLite data
 * directory), every server-to-server link through its own {@link LinkProxy}, and the fault switches of each
 * server ({@code -Dpasscom.faults.dir}). The nemesis actions are here, each undone by its heal; which
 * servers are down or paused is tracked so {@link #healAll} can bring everything back. Thread-safe enough
 * for one nemesis thread plus readers.
 */
final class Federation implements AutoCloseable {

    private final ProcessCluster cluster;
    private final Map<String, LinkProxy> links = new LinkedHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    private Federation(ProcessCluster cluster) {
        this.cluster = cluster;
    }

    static Federation start(Path root, Path network, List<String> airlines) throws IOException {
        Map<String, LinkProxy> links = new LinkedHashMap<>();
        ProcessCluster cluster = ProcessCluster.unstarted(root, network, new ProcessCluster.Options(true,
                (from, to) -> links.get(from + ">" + to).uri()), airlines.toArray(String[]::new));
        Federation federation = new Federation(cluster);
        try {
            for (String from : airlines) {
                for (String to : airlines) {
                    if (!from.equals(to)) {
                        links.put(from + ">" + to, new LinkProxy(cluster.uri(to).getPort()));
                    }
                }
            }
            federation.links.putAll(links);
            airlines.forEach(cluster::launch);
            airlines.forEach(cluster::awaitServing);
        } catch (RuntimeException | IOException e) {
            federation.close();
            throw e;
        }
        return federation;
    }

    ProcessCluster cluster() {
        return cluster;
    }

    List<String> airlines() {
        return cluster.airlines();
    }

    URI uri(String airline) {
        return cluster.uri(airline);
    }

    boolean isDown(String airline) {
        return down.contains(airline);
    }

    // ---- kill

    void kill(List<String> victims) {
        down.addAll(victims);
        cluster.killTogether(victims);
    }

    /** Launches the airline again; returns {@link System#nanoTime} just before. */
    long relaunch(String airline) {
        clearSwitches(airline);
        long launched = cluster.launchAgain(airline);
        down.remove(airline);
        return launched;
    }

    // ---- pause

    void pause(String airline) {
        if (cluster.signal(airline, "STOP")) {
            paused.add(airline);
        }
    }

    void resume(String airline) {
        cluster.signal(airline, "CONT");
        paused.remove(airline);
    }

    // ---- partition

    /** Every link of {@code target} both ways, or the one link {@code X>Y}. */
    void partition(String target, LinkProxy.Mode mode, long delayMillis) {
        linksOf(target).forEach(link -> link.set(mode, delayMillis));
    }

    void healLinks() {
        links.values().forEach(link -> link.set(LinkProxy.Mode.PASS, 0));
    }

    private List<LinkProxy> linksOf(String target) {
        if (target.contains(">")) {
            return List.of(links.get(target));
        }
        return links.entrySet().stream().filter(e -> List.of(e.getKey().split(">")).contains(target)).map(Map.Entry::getValue).toList();
    }

    // ---- crash points and store faults (files in the server's fault directory)

    void armCrashPoint(String airline, String point) {
        writeSwitch(airline, "crash-point", point);
    }

    void storeFault(String airline, String fault) {
        writeSwitch(airline, "store-fault", fault);
    }

    void clearSwitches(String airline) {
        try {
            Files.deleteIfExists(cluster.faultsDir(airline).resolve("crash-point"));
            Files.deleteIfExists(cluster.faultsDir(airline).resolve("store-fault"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server halted by itself (a crash point): forget its process, so it counts as down. */
    boolean exitedByItself(String airline) {
        if (cluster.reapIfExited(airline)) {
            down.add(airline);
            return true;
        }
        return false;
    }

    private void writeSwitch(String airline, String name, String value) {
        try {
            Path dir = cluster.faultsDir(airline);
            Path tmp = dir.resolve(name + ".tmp");
            Files.writeString(tmp, value, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- all of it undone

    /** Heals every link, resumes every paused server, clears every switch, relaunches every dead server and waits until all serve. */
    void healAll() {
        healLinks();
        List.copyOf(paused).forEach(this::resume);
        for (String airline : airlines()) {
            clearSwitches(airline);
            exitedByItself(airline);
        }
        for (String airline : List.copyOf(down)) {
            relaunch(airline);
        }
        airlines().forEach(cluster::awaitServing);
    }

    /** Every server asked to stop (SIGTERM), so their stores can be read; waits for each to exit. */
    void stopAll() {
        List.copyOf(paused).forEach(this::resume);
        airlines().forEach(cluster::stop);
    }

    @Override
    public void close() {
        List.copyOf(paused).forEach(this::resume);
        cluster.close();
        links.values().forEach(LinkProxy::close);
    }
}
