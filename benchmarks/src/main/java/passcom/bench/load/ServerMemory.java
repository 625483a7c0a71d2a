package passcom.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The resident memory (VmRSS, what the kernel gives the process, not the Java heap) of the process that
 * listens on each server's port, found from /proc: the socket's inode in /proc/net/tcp{,6}, then the
 * process whose file descriptors include it. Linux only, and only for processes this user may read;
 * otherwise nothing is reported. A server in this JVM (the smoke test) reports this JVM.
 */
final class ServerMemory {

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();

    ServerMemory(Map<String, URI> servers) {
        servers.forEach((id, uri) -> ports.put(id, uri.getPort()));
    }

    /** Records each server's current RSS in {@code maxKb} where it is higher than what is there. */
    void sample(Map<String, Long> maxKb) {
        ports.forEach((id, port) -> {
            Long pid = pids.computeIfAbsent(id, k -> listener(port).stream().boxed().findFirst().orElse(null));
            if (pid != null) {
                rssKb(pid).ifPresent(kb -> maxKb.merge(id, kb, Math::max));
            }
        });
    }

    /**
     * CPU time (user + system) the servers' processes have used so far, in milliseconds, summed over the
     * distinct processes (servers in one JVM count once); -1 when it cannot be read. The difference over a
     * run, per request, is steadier than requests per second on a machine shared with other work.
     */
    long cpuMillis() {
        ports.forEach((id, port) -> pids.computeIfAbsent(id, k -> listener(port).stream().boxed().findFirst().orElse(null)));
        long total = 0;
        for (Long pid : new java.util.HashSet<>(pids.values())) {
            if (pid == null) {
                return -1;
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in clock ticks of 10 ms
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }

    static OptionalLong rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return OptionalLong.empty();
    }

    /** The pid of the process listening on {@code port} on this machine, if it can be found. */
    static OptionalLong listener(int port) {
        String inode = listeningInode(port);
        if (inode == null) {
            return OptionalLong.empty();
        }
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (Files.readSymbolicLink(fd).toString().equals(target)) {
                                return OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return OptionalLong.empty();
    }

    private static String listeningInode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        return f[9];
                    }
                }
            } catch (IOException e) {
                // not Linux
            }
        }
        return null;
    }
}
