package passcom.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import passcom.it.process.ProcessCluster;
import passcom.it.process.StoreFile;

/**
 * The harness's federation: A, B and C as separate JVMs ({@link ProcessCluster}, each its own SQLite data
 * directory), every server-to-server link through its own {@link LinkProxy}, and the fault switches of each
 * server ({@code -Dpasscom.faults.dir}). The nemesis actions are here, each undone by its heal; which
 * servers are down or paused is tracked so {@link #healAll} can bring everything back. Thread-safe enough
 * for one nemesis thread plus readers.
 *
 * <p>With {@link Layout#twoInstancesOfA} airline A runs as two processes, {@code A1} and {@code A2}, on one
 * PostgreSQL database (the store issue's set-up, as docker-compose's postgres profile: B and C stay on SQLite);
 * every other server lists both as peer URLs of A, each through its own link proxy. Fault targets are then
 * servers ({@code A1}, {@code B}...) or {@code A}, which stands for both of A's instances at once
 * ({@link #members}); {@link #airlines} stays A, B, C (itineraries, stores).
 */
final class Federation implements AutoCloseable {

    /**
     * Which servers run, as which airline, on which store. {@code dbUrls}: a server's {@code --db-url} (absent:
     * SQLite in its data directory); all instances of one airline share one.
     */
    record Layout(Map<String, String> airlineOf, Map<String, String> dbUrls) {

        /** One server per airline, named as the airline, each on SQLite. */
        static Layout oneEach(List<String> airlines) {
            Map<String, String> of = new LinkedHashMap<>();
            airlines.forEach(a -> of.put(a, a));
            return new Layout(of, Map.of());
        }

        /** A as A1 and A2 on the PostgreSQL database {@code dbUrlOfA}; B and C one each on SQLite. */
        static Layout twoInstancesOfA(String dbUrlOfA) {
            Map<String, String> of = new LinkedHashMap<>();
            of.put("A1", "A");
            of.put("A2", "A");
            of.put("B", "B");
            of.put("C", "C");
            return new Layout(of, Map.of("A1", dbUrlOfA, "A2", dbUrlOfA));
        }

        List<String> servers() {
            return List.copyOf(airlineOf.keySet());
        }

        List<String> airlines() {
            return airlineOf.values().stream().distinct().toList();
        }

        List<String> instancesOf(String airline) {
            return airlineOf.entrySet().stream().filter(e -> e.getValue().equals(airline)).map(Map.Entry::getKey).toList();
        }

        String describe() {
            return airlines().stream().map(a -> a + (instancesOf(a).size() > 1 ? " as " + instancesOf(a) : "")
                    + (dbUrls.containsKey(instancesOf(a).get(0)) ? " on PostgreSQL" : " on SQLite")).collect(Collectors.joining(", "));
        }
    }

    private final ProcessCluster cluster;
    private final Layout layout;
    private final Map<String, LinkProxy> links = new LinkedHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong kills = new java.util.concurrent.atomic.AtomicLong();

    private Federation(ProcessCluster cluster, Layout layout) {
        this.cluster = cluster;
        this.layout = layout;
    }

    static Federation start(Path root, Path network, List<String> airlines) throws IOException {
        return start(root, network, Layout.oneEach(airlines));
    }

    static Federation start(Path root, Path network, Layout layout) throws IOException {
        Map<String, LinkProxy> links = new LinkedHashMap<>();
        ProcessCluster cluster = ProcessCluster.unstarted(root, network, new ProcessCluster.Options(true,
                (from, to) -> links.get(from + ">" + to).uri(), layout.airlineOf()::get,
                server -> layout.dbUrls().containsKey(server) ? List.of("--db-url", layout.dbUrls().get(server)) : List.of()),
                layout.servers().toArray(String[]::new));
        Federation federation = new Federation(cluster, layout);
        try {
            for (String from : layout.servers()) {
                for (String to : layout.servers()) {
                    if (!layout.airlineOf().get(from).equals(layout.airlineOf().get(to))) {
                        links.put(from + ">" + to, new LinkProxy(cluster.uri(to).getPort()));
                    }
                }
            }
            federation.links.putAll(links);
            layout.servers().forEach(cluster::launch);
            layout.servers().forEach(cluster::awaitServing);
        } catch (RuntimeException | IOException | AssertionError e) {
            federation.close();
            throw e;
        }
        return federation;
    }

    ProcessCluster cluster() {
        return cluster;
    }

    Layout layout() {
        return layout;
    }

    /** The airlines (A, B, C): what itineraries fly and whose stores the checker reads. */
    List<String> airlines() {
        return layout.airlines();
    }

    /** The processes, each a server clients and peers talk to: A, B, C, or A1, A2, B, C. */
    List<String> servers() {
        return layout.servers();
    }

    /** What a fault can be aimed at: every server, and each airline with several instances (all of them at once). */
    List<String> targets() {
        List<String> targets = new ArrayList<>(servers());
        airlines().stream().filter(a -> layout.instancesOf(a).size() > 1).forEach(targets::add);
        return targets;
    }

    /** The servers a target names: {@code *} every one, an airline with instances each of them, a server itself. */
    List<String> members(String target) {
        if (target.equals("*")) {
            return servers();
        }
        if (!layout.airlineOf().containsKey(target) && layout.airlines().contains(target)) {
            return layout.instancesOf(target);
        }
        return List.of(target);
    }

    String airlineOf(String server) {
        return layout.airlineOf().getOrDefault(server, server);
    }

    URI uri(String server) {
        return cluster.uri(members(server).get(0));
    }

    boolean isDown(String target) {
        return members(target).stream().allMatch(down::contains);
    }

    /** {@code /saude} of every server says no hold and no pending transaction. */
    boolean isQuiet() {
        return servers().stream().allMatch(cluster::isQuiet);
    }

    // ---- the stores

    private boolean onPostgres(String airline) {
        return layout.dbUrls().containsKey(layout.instancesOf(airline).get(0));
    }

    /** A JDBC URL to read the airline's store from while its servers run (SQLite: its file; PostgreSQL: its database). */
    String liveStoreUrl(String airline) {
        if (onPostgres(airline)) {
            return layout.dbUrls().get(layout.instancesOf(airline).get(0));
        }
        return "jdbc:sqlite:" + cluster.dataDir(layout.instancesOf(airline).get(0)).resolve("passcom.db").toAbsolutePath();
    }

    /**
     * A JDBC URL to read the airline's store as its next start will find it: SQLite, a copy in {@code scratch}
     * (opening it replays the WAL there, never in the original); PostgreSQL, the database itself (its own
     * recovery is PostgreSQL's, and a committed transaction is all a reader can see).
     */
    String storeCopyUrl(String airline, Path scratch) {
        if (onPostgres(airline)) {
            return liveStoreUrl(airline);
        }
        return StoreFile.copy(cluster.dataDir(layout.instancesOf(airline).get(0)), scratch);
    }

    /** The airline's store at the end, every server stopped (SQLite: read from a copy kept in {@code copyDir}). */
    StoreState finalState(String airline, Path copyDir) {
        return StoreState.read(airline, storeCopyUrl(airline, copyDir));
    }

    // ---- kill

    void kill(List<String> victims) {
        List<String> servers = victims.stream().flatMap(v -> members(v).stream()).distinct().toList();
        down.addAll(servers);
        cluster.killTogether(servers);
        kills.incrementAndGet();
        for (String airline : servers.stream().map(this::airlineOf).distinct().toList()) {
            if (layout.instancesOf(airline).stream().anyMatch(i -> !down.contains(i))) {
                measureTakeover(airline, servers);
            }
        }
    }

    /**
     * An instance of {@code airline} was killed while another lives. Two times from the kill, with no relaunch
     * needed: until none of the airline's transactions undecided at the kill is still undecided (the survivor
     * aborts what the dead one left STARTED once its lease runs out, ~2.5 s, storage.md: this needs only the
     * shared store), and until none of the transactions open at the kill (held seats, prepared participations,
     * undelivered decisions, in the airline's store and what the others hold for it) is open anywhere (this needs
     * the peers up too). One line per kill in {@code takeovers.txt} of the run's folder; "disturbed" when another
     * server was down or not answering (starting) at the kill, or a kill came before the end (a relaunched instance takes 10 s or more to
     * answer on this machine, so an undisturbed sample well under that is the survivor's work).
     */
    private void measureTakeover(String airline, List<String> killed) {
        long killedAt = System.nanoTime();
        long killsAtStart = kills.get();
        boolean othersDown = down.stream().anyMatch(server -> !killed.contains(server))
                || servers().stream().filter(server -> !killed.contains(server)).anyMatch(server -> !answers(server));
        Set<String> undecided = undecidedIn(airline, null);
        Set<String> open = openAbout(airline, null);
        Thread measurement = new Thread(() -> {
            long decided = -1;
            long resolved = -1;
            Set<String> still = open;
            while ((System.nanoTime() - killedAt) / 1_000_000 < TAKEOVER_LIMIT_MILLIS && resolved < 0) {
                long millis = (System.nanoTime() - killedAt) / 1_000_000;
                Set<String> left = undecidedIn(airline, undecided);
                if (decided < 0 && left != null && left.isEmpty()) {
                    decided = millis;
                }
                still = openAbout(airline, open);
                if (decided >= 0 && still != null && still.isEmpty()) {
                    resolved = millis;
                }
                ProcessCluster.pause(100);
            }
            boolean disturbed = othersDown || kills.get() != killsAtStart;
            String line = "kill " + killed + ": " + undecided.size() + " undecided, decided by the survivor in "
                    + (decided < 0 ? "(not within " + TAKEOVER_LIMIT_MILLIS + ")" : decided) + " ms; " + open.size()
                    + " open, resolved everywhere in " + (resolved < 0 ? "(not within " + TAKEOVER_LIMIT_MILLIS + ": " + still + ")" : resolved)
                    + " ms" + (disturbed ? " (disturbed: another server down, starting or killed meanwhile)" : "");
            try {
                Files.writeString(cluster.root().resolve("takeovers.txt"), line + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "takeover-" + airline);
        measurement.setDaemon(true);
        measurement.start();
    }

    /** {@code /saude} answers 200 now (a relaunched server is not down, but may still be starting). */
    private boolean answers(String server) {
        try {
            return passcom.it.process.Customer.health(cluster.uri(server)).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The airline's undecided transactions, restricted to {@code among} when given; null when unreadable. */
    private Set<String> undecidedIn(String airline, Set<String> among) {
        try {
            Set<String> left = StoreState.undecided(liveStoreUrl(airline));
            if (among != null) {
                left.retainAll(among);
            }
            return left;
        } catch (RuntimeException notReadable) {
            return among == null ? Set.of() : null;
        }
    }

    private static final long TAKEOVER_LIMIT_MILLIS = 30_000;

    /**
     * The transactions open in {@code airline}'s store and those the other airlines hold for it, restricted to
     * {@code among} when given; null when a store could not be read (a SQLite server starting: ask again).
     */
    private Set<String> openAbout(String airline, Set<String> among) {
        Set<String> open = new java.util.HashSet<>();
        try {
            for (String other : airlines()) {
                open.addAll(StoreState.openTransactions(liveStoreUrl(other), true, other.equals(airline) ? null : airline));
            }
        } catch (RuntimeException notReadable) {
            return among == null ? open : null;
        }
        if (among != null) {
            open.retainAll(among);
        }
        return open;
    }

    /** Launches the target's servers that are down again; returns {@link System#nanoTime} just before the first. */
    long relaunch(String target) {
        long first = Long.MAX_VALUE;
        for (String server : members(target)) {
            if (down.contains(server) || !cluster.isRunning(server)) {
                clearSwitches(server);
                first = Math.min(first, cluster.launchAgain(server));
                down.remove(server);
            }
        }
        return first == Long.MAX_VALUE ? System.nanoTime() : first;
    }

    // ---- pause

    void pause(String target) {
        for (String server : members(target)) {
            if (cluster.signal(server, "STOP")) {
                paused.add(server);
            }
        }
    }

    void resume(String target) {
        for (String server : members(target)) {
            cluster.signal(server, "CONT");
            paused.remove(server);
        }
    }

    // ---- partition

    /** Every link of {@code target} both ways, or the one link {@code X>Y}. */
    void partition(String target, LinkProxy.Mode mode, long delayMillis) {
        linksOf(target).forEach(link -> link.set(mode, delayMillis));
    }

    void healLinks() {
        links.values().forEach(link -> link.set(LinkProxy.Mode.PASS, 0));
    }

    /** {@code X>Y}: every link from a server of X to one of Y (none between two instances of one airline); {@code X}: every link of X's servers. */
    private List<LinkProxy> linksOf(String target) {
        if (target.contains(">")) {
            String[] ends = target.split(">");
            return links.entrySet().stream().filter(e -> members(ends[0]).contains(e.getKey().split(">")[0])
                    && members(ends[1]).contains(e.getKey().split(">")[1])).map(Map.Entry::getValue).toList();
        }
        return links.entrySet().stream().filter(e -> List.of(e.getKey().split(">")).stream().anyMatch(members(target)::contains))
                .map(Map.Entry::getValue).toList();
    }

    // ---- crash points and store faults (files in the server's fault directory)

    void armCrashPoint(String target, String point) {
        members(target).forEach(server -> writeSwitch(server, "crash-point", point));
    }

    void storeFault(String target, String fault) {
        members(target).forEach(server -> writeSwitch(server, "store-fault", fault));
    }

    void clearSwitches(String target) {
        try {
            for (String server : members(target)) {
                Files.deleteIfExists(cluster.faultsDir(server).resolve("crash-point"));
                Files.deleteIfExists(cluster.faultsDir(server).resolve("store-fault"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server of the target halted by itself (a crash point): forget its process, so it counts as down. */
    boolean exitedByItself(String target) {
        boolean any = false;
        for (String server : members(target)) {
            if (cluster.reapIfExited(server)) {
                down.add(server);
                any = true;
            }
        }
        return any;
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
        for (String server : servers()) {
            clearSwitches(server);
            exitedByItself(server);
        }
        for (String server : List.copyOf(down)) {
            relaunch(server);
        }
        servers().forEach(cluster::awaitServing);
    }

    /** Every server asked to stop (SIGTERM), so their stores can be read; waits for each to exit. */
    void stopAll() {
        List.copyOf(paused).forEach(this::resume);
        servers().forEach(cluster::stop);
    }

    @Override
    public void close() {
        List.copyOf(paused).forEach(this::resume);
        cluster.close();
        links.values().forEach(LinkProxy::close);
    }
}
