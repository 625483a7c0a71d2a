package passcom.server.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import passcom.core.txn.TxnId;
import passcom.core.txn.AirlineUnreachable;
import passcom.server.ServerConfig;
import passcom.server.auth.FederationSigner;

/** The peers' HTTP client on real sockets: keep-alive, its thread bound, what a dropped connection means, and shutdown. */
class PeerHttpClientTest {

    @Test
    void when_many_calls_are_in_flight_at_once_then_they_share_a_few_connections_and_at_most_the_given_threads() throws Exception {
        try (SlowServer server = new SlowServer(Duration.ofMillis(50))) {
            PeerHttpClient client = new PeerHttpClient("test-bounded-http", Duration.ofSeconds(2), 4);
            try {
                List<CompletableFuture<PeerHttpClient.Answer>> calls = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < 20; i++) {
                        calls.add(client.send("GET", server.uri(), Map.of(), new byte[0], Duration.ofSeconds(10)));
                    }
                    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
                }

                assertThat(calls).allSatisfy(call -> assertThat(call.join().status()).isEqualTo(200));
                assertThat(calls.get(0).join().body()).asString(StandardCharsets.UTF_8).isEqualTo("{}");
                // 20 would be perfect reuse; a connection goes back to the pool just after its answer completes, so a
                // call of the next round may open one more. Without keep-alive it would be 100.
                assertThat(server.connections()).as("100 calls, 20 at a time, over kept-alive connections").isLessThanOrEqualTo(40);
                assertThat(threadsNamed("test-bounded-http-timer")).as("the timeout timer").isEqualTo(1);
                assertThat(threadsNamed("test-bounded-http") - 1).as("pool threads, the selector included").isBetween(1, 4);
            } finally {
                client.close();
            }
            await("the client's threads end after close").atMost(Duration.ofSeconds(5)).until(() -> threadsNamed("test-bounded-http") == 0);
        }
    }

    @Test
    void when_the_peer_closes_the_connection_without_answering_then_the_call_is_unreachable_and_says_so() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> {
                try (Socket connection = socket.accept()) {
                    readHeaders(connection.getInputStream());
                } catch (IOException ignored) {
                    // the test fails on its own assertions
                }
            }, "dropping-peer");
            dropper.setDaemon(true);
            dropper.start();
            PeerHttpClient client = new PeerHttpClient("test-dropped-http", Duration.ofSeconds(2), 4);
            try {
                HttpAirlinePort port = new HttpAirlinePort("A", List.of(URI.create("http://127.0.0.1:" + socket.getLocalPort())), "B", client,
                        new FederationSigner(ServerConfig.DEV_SECRET, Clock.systemUTC(), Duration.ofSeconds(30)),
                        Duration.ofSeconds(2), Duration.ofSeconds(3), HttpAirlinePort.Limits.DEFAULT);

                assertThatThrownBy(() -> port.abort(new TxnId("dropped-1")).join()).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(AirlineUnreachable.class)
                        .hasMessageContaining("conexão encerrada sem resposta")
                        .hasMessageNotContaining("sem resposta em");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void when_closed_with_a_call_in_flight_then_that_call_fails_and_no_thread_is_left() throws Exception {
        try (SlowServer server = new SlowServer(Duration.ofSeconds(30))) {
            PeerHttpClient client = new PeerHttpClient("test-closing-http", Duration.ofSeconds(2), 4);
            CompletableFuture<PeerHttpClient.Answer> call = client.send("GET", server.uri(), Map.of(), new byte[0], Duration.ofSeconds(20));
            assertThat(server.awaitRequest()).as("the request arrived").isTrue();

            client.close();

            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Exception.class);
            await("the client's threads end").atMost(Duration.ofSeconds(5)).until(() -> threadsNamed("test-closing-http") == 0);
        }
    }

    private static int threadsNamed(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    private static boolean readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP/1.1 server on raw sockets that answers {@code {}} to every bodiless request after a delay, keeping connections open. */
    private static final class SlowServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final CountDownLatch firstRequest = new CountDownLatch(1);
        private final List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Duration delay;

        SlowServer(Duration delay) throws IOException {
            this.delay = delay;
            Thread acceptor = new Thread(this::accept, "slow-peer");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/ping_servidor");
        }

        int connections() {
            return connections.get();
        }

        boolean awaitRequest() throws InterruptedException {
            return firstRequest.await(10, TimeUnit.SECONDS);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    open.add(connection);
                    connections.incrementAndGet();
                    Thread serve = new Thread(() -> serve(connection), "slow-peer-connection");
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                while (readHeaders(connection.getInputStream())) {
                    firstRequest.countDown();
                    Thread.sleep(delay.toMillis()); // the slow peer under test, not a wait for the test
                    connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                            .getBytes(StandardCharsets.US_ASCII));
                    connection.getOutputStream().flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // closed by the client or by close()
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : open) {
                connection.close();
            }
        }
    }
}
