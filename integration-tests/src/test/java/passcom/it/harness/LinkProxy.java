package passcom.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on one directed server-to-server link (airline X's calls to airline Y): X is configured with the
 * proxy's URL for Y. It forwards bytes both ways until told to misbehave ({@link Mode}); switching back to
 * {@link Mode#PASS} heals it. Connections accepted while black-holed, and every connection when reset, are
 * closed with a TCP RST. One thread per direction of each connection (daemon); {@link #close} stops all.
 */
public final class LinkProxy implements AutoCloseable {

    public enum Mode {
        /** Forward everything at once. */
        PASS,
        /** Hold every chunk, both ways, for the delay before forwarding it. */
        DELAY,
        /** Reset every open connection and every new one (connection refused after accept). */
        RESET,
        /** Accept and swallow: nothing is forwarded either way, no answer ever comes. */
        BLACKHOLE,
        /** Requests reach the airline, its replies are swallowed: one direction cut. */
        CUT_REPLIES
    }

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "link-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile long delayMillis;

    public LinkProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        threads.execute(this::acceptLoop);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public Mode mode() {
        return mode;
    }

    /** Switches the link's behaviour; {@link Mode#RESET} and leaving {@link Mode#BLACKHOLE} reset the open connections. */
    public void set(Mode newMode, long delay) {
        Mode old = mode;
        delayMillis = delay;
        mode = newMode;
        if (newMode == Mode.RESET || old == Mode.BLACKHOLE || old == Mode.CUT_REPLIES) {
            open.forEach(LinkProxy::reset);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(client);
            Mode now = mode;
            if (now == Mode.RESET) {
                reset(client);
                continue;
            }
            if (now == Mode.BLACKHOLE) {
                threads.execute(() -> swallow(client));
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(upstream);
                threads.execute(() -> pump(client, upstream, false));
                threads.execute(() -> pump(upstream, client, true));
            } catch (IOException down) {
                reset(client); // the airline is not listening: as if the connection were refused
            }
        }
    }

    private void pump(Socket from, Socket to, boolean reply) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Mode now = mode;
                if (now == Mode.BLACKHOLE || now == Mode.CUT_REPLIES && reply) {
                    continue;
                }
                if (now == Mode.DELAY) {
                    Thread.sleep(delayMillis);
                    now = mode;
                    if (now == Mode.BLACKHOLE || now == Mode.CUT_REPLIES && reply) {
                        continue; // cut while this chunk was delayed
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            reset(to);
            reset(from);
        } finally {
            open.remove(from);
        }
    }

    private void swallow(Socket client) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = client.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // black hole
            }
        } catch (IOException e) {
            // reset when the link heals
        } finally {
            open.remove(client);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(LinkProxy::reset);
        threads.shutdownNow();
    }
}
