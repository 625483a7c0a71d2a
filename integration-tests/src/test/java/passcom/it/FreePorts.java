package passcom.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts later, and may restart on the same port. {@code new ServerSocket(0)}
 * is not safe for that: it hands out a port from the kernel's ephemeral range, which the test's own
 * outgoing HTTP connections draw from too, so by the time the server binds, a client socket may hold
 * it ("Address already in use"). These ports are picked below that range, where no outgoing
 * connection lands, and checked free on 127.0.0.1.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    /** Ports already handed out in this JVM: two servers not yet bound must not get the same one. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        int ceiling = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + ceiling);
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
            return Math.max(LOWEST + 1_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default; elsewhere any port in 20000–32767 is as good a guess
        }
    }

}
