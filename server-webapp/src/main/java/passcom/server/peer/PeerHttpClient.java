package passcom.server.peer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP/1.1 client of one peer airline: Jetty's client with keep-alive connections and a small bounded
 * pool of its own threads, so nothing a call to one peer holds is shared with another.
 *
 * <p>Why Jetty's client and not the JDK's: measured in one JVM against a real server, a signed call cost
 * about half the CPU with it ({@code docs/history/benchmarks.md}, "Peer calls"). The JDK client starts every
 * exchange through its selector thread and executor, then hands each response to the common pool before
 * the caller's callbacks run; Jetty's reads the answer on one pool thread and completes it there.
 *
 * <p>Failures complete the future with the client's own exception: {@link java.util.concurrent.TimeoutException}
 * when no whole answer came within the call's timeout, {@link java.net.ConnectException} when nothing
 * listens, another {@link java.io.IOException} when the connection closed or failed; what they mean is
 * {@link HttpAirlinePort}'s to decide. Callbacks run on this client's threads and must not block.
 * Thread-safe; {@link #close} stops the threads and closes the connections.
 */
public final class PeerHttpClient implements AutoCloseable {

    /** The largest answer read: route answers on a 5,000-city network are tens of kilobytes. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;
    /**
     * Idle connections are closed by the client after this, well before the server's idle timeout (120 s),
     * so the client never sends on a connection the server is closing.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

    /** A whole answer: status and body. */
    public record Answer(int status, byte[] body) {
    }

    private final HttpClient client;

    /**
     * @param name           names the threads, e.g. {@code peer-http-A-B}
     * @param connectTimeout how long a new connection may take
     * @param threads        the most threads of this client's pool (its selector included); one more runs its timeouts
     */
    public PeerHttpClient(String name, Duration connectTimeout, int threads) {
        this(name, connectTimeout, threads, Optional.empty());
    }

    /**
     * @param tls for https peers: the airline's certificate to present and the check of the peer's (docs/tls.md);
     *            empty, the client speaks plain HTTP only
     */
    public PeerHttpClient(String name, Duration connectTimeout, int threads, Optional<SslContextFactory.Client> tls) {
        QueuedThreadPool pool = new QueuedThreadPool(threads, 1, (int) Duration.ofSeconds(30).toMillis());
        pool.setName(name);
        pool.setDaemon(true);
        // Reserved threads would be idle spares for the selector's own tasks; with a few threads they are not worth their cost.
        pool.setReservedThreads(0);
        client = new HttpClient();
        tls.ifPresent(client::setSslContextFactory);
        client.setExecutor(pool);
        client.setScheduler(new ScheduledExecutorScheduler(name + "-timer", true));
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client " + name, e);
        }
        // Every status goes to HttpAirlinePort as it came: no answering 401 challenges, no following
        // redirects, no 100-continue or upgrade handling (a 401 means "not our secret", not "log in").
        // Jetty installs these handlers while it starts, so they are removed after.
        client.getProtocolHandlers().clear();
    }

    /**
     * Sends one request; the future completes with the whole answer, or fails (see the class comment).
     *
     * @param timeout the whole exchange, connecting included
     */
    public CompletableFuture<Answer> send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        Objects.requireNonNull(headers, "headers");
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Request request = client.newRequest(uri)
                .method(method)
                .timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)
                .headers(fields -> headers.forEach(fields::put));
        if (body.length > 0) {
            request.body(new BytesRequestContent("application/json", body));
        }
        request.send(new BufferingResponseListener(MAX_ANSWER_BYTES) {
            @Override
            public void onComplete(Result result) {
                if (result.isFailed()) {
                    answer.completeExceptionally(result.getFailure());
                } else {
                    answer.complete(new Answer(result.getResponse().getStatus(), getContent()));
                }
            }
        });
        return answer;
    }

    /** An open streamed exchange; closing it aborts the request. */
    public interface Stream extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Sends one GET whose answer never ends (server-sent events): {@code content} gets each piece of a 2xx body as it
     * arrives, and {@code ended} is called once, when the exchange ends for any reason (a non-2xx status, silence
     * for {@code idleTimeout}, the peer closing, or {@link Stream#close}). Both run on this client's threads.
     */
    public Stream stream(URI uri, Map<String, String> headers, Duration idleTimeout, Consumer<ByteBuffer> content,
                         Consumer<Throwable> ended) {
        Request request = client.newRequest(uri)
                .method("GET")
                .idleTimeout(Math.max(1, idleTimeout.toMillis()), TimeUnit.MILLISECONDS)
                .headers(fields -> headers.forEach(fields::put));
        request.onResponseHeaders(response -> {
            if (response.getStatus() / 100 != 2) {
                request.abort(new IOException("respondeu " + response.getStatus()));
            }
        });
        request.onResponseContent((response, buffer) -> content.accept(buffer));
        request.send(result -> ended.accept(result.getFailure()));
        return () -> request.abort(new IOException("fechada"));
    }

    /** Fails what is in flight, closes the connections and stops the threads. Idempotent. */
    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not stop cleanly", e);
        }
    }
}
