package passcom.server.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A peer that looks like a paused process (SIGSTOP): the kernel accepts connections, nothing ever answers.
 * Keeps every connection open until {@link #close}; counts them, so tests can see which instance was tried.
 */
public final class PausedAirline implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public PausedAirline() throws IOException {
        socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptForever, "paused-airline-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.size();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                connections.add(socket.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    /** A port nothing listens on (a dead process): connecting is refused at once. */
    public static URI deadAirline() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + probe.getLocalPort());
        }
    }
}
