package passcom.core.availability;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.time.Ticker;

/**
 * Keeps one peer's {@link AvailabilityImage} subscribed to that peer's feed (docs/availability.md, "Subscriber").
 * A gap (another base after a restart, a skipped version) closes the connection and opens a new one, whose first
 * message is a snapshot. A connection that ends, or stays silent for {@link #SILENT_RECONNECT} (a paused peer keeps
 * its sockets open), is replaced after a back-off of {@link #MIN_BACKOFF} doubling to {@link #MAX_BACKOFF}, forever
 * while this runs: a peer that comes back is picked up by itself.
 *
 * <p>A stream that starts (the first snapshot, or the first after a stream ended) is told to the {@link Listener}:
 * the peer is up and answering now, which is the moment to settle what waited for it (docs/purchase-protocol.md,
 * "A peer back").
 *
 * <p>Threads: messages arrive on the transport's thread; reconnects and the silence check run on {@code timer}
 * (shared by every peer's feed). Each connection has a generation, so late callbacks of a replaced one are ignored.
 */
public final class ImageFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFeed.class);

    /** An airline whose image has not been confirmed for longer than this is shown as unavailable. */
    public static final Duration SILENCE_LIMIT = Duration.ofSeconds(2);
    static final Duration SILENT_RECONNECT = Duration.ofMillis(1_500);
    static final Duration MIN_BACKOFF = Duration.ofMillis(50);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    /** Hears that a peer's stream started: the peer answers again after {@code downFor} without one. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (airline, downFor) -> { };

        /** Called on the transport's thread: hand anything slow to another thread. */
        void streaming(String airline, Duration downFor);
    }

    private final AvailabilityImage image;
    private final FeedSource source;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    private final Ticker ticker;
    /** Guarded by this. */
    private FeedConnection connection;
    private long generation;
    private long connectedAtNanos;
    private long lastHeardNanos;
    /** When the last stream ended (or this feed started): the peer has not been heard streaming since. */
    private long downSinceNanos;
    private Duration backoff = MIN_BACKOFF;
    private boolean reconnectPending;
    private boolean closed;
    /** A snapshot came on the current connection and it has not ended since. */
    private volatile boolean streaming;

    public ImageFeed(AvailabilityImage image, FeedSource source, ScheduledExecutorService timer, Ticker ticker) {
        this(image, source, timer, ticker, Listener.NONE);
    }

    public ImageFeed(AvailabilityImage image, FeedSource source, ScheduledExecutorService timer, Ticker ticker, Listener listener) {
        this.image = Objects.requireNonNull(image, "image");
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    public AvailabilityImage image() {
        return image;
    }

    /**
     * False from the moment a stream ends (the peer stopped, or its connection failed) until a new connection's
     * snapshot: the airline is then unavailable at once, without waiting for {@link #SILENCE_LIMIT}. A gap or a
     * silence reconnect does not clear it: the image is still as good as its age says.
     */
    public boolean streaming() {
        return streaming;
    }

    /** Connects, and checks for silence every quarter of a second. */
    public void start() {
        synchronized (this) {
            downSinceNanos = ticker.read();
        }
        connect();
        long period = SILENT_RECONNECT.toMillis() / 6;
        timer.scheduleWithFixedDelay(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void connect() {
        long mine;
        synchronized (this) {
            if (closed) {
                return;
            }
            reconnectPending = false;
            mine = ++generation;
            connectedAtNanos = ticker.read();
            lastHeardNanos = connectedAtNanos;
        }
        FeedConnection opened;
        try {
            opened = source.open(new Sink(mine));
        } catch (RuntimeException e) {
            ended(mine, e);
            return;
        }
        synchronized (this) {
            if (generation == mine && !closed) {
                connection = opened;
                return;
            }
        }
        opened.close();
    }

    private void checkSilence() {
        synchronized (this) {
            if (closed || reconnectPending || ticker.read() - lastHeardNanos < SILENT_RECONNECT.toNanos()) {
                return;
            }
        }
        LOG.debug("{}'s feed silent for {} ms: reconnecting", image.airline(), SILENT_RECONNECT.toMillis());
        replace(generation(), "silent");
    }

    private synchronized long generation() {
        return generation;
    }

    private void ended(long which, Throwable cause) {
        synchronized (this) {
            if (which == generation && streaming) {
                streaming = false;
                downSinceNanos = ticker.read();
            }
        }
        LOG.debug("{}'s feed ended: {}", image.airline(), cause == null ? "closed" : cause.toString());
        replace(which, "ended");
    }

    /** Closes connection {@code which} (if still current) and connects again after the back-off. */
    private void replace(long which, String why) {
        FeedConnection old;
        Duration wait;
        synchronized (this) {
            if (closed || which != generation || reconnectPending) {
                return;
            }
            reconnectPending = true;
            generation++; // callbacks of the old connection are ignored from now on
            old = connection;
            connection = null;
            wait = backoff;
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        if (old != null) {
            old.close();
        }
        LOG.trace("{}'s feed {}: reconnecting in {} ms", image.airline(), why, wait.toMillis());
        timer.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tell(Duration downFor) {
        try {
            listener.streaming(image.airline(), downFor);
        } catch (RuntimeException e) {
            LOG.warn("{}'s feed: the listener of a stream start failed: {}", image.airline(), e.toString());
        }
    }

    private final class Sink implements FeedSink {
        private final long which;

        Sink(long which) {
            this.which = which;
        }

        @Override
        public void accept(FeedMessage message) {
            synchronized (ImageFeed.this) {
                if (which != generation) {
                    return;
                }
                lastHeardNanos = ticker.read();
            }
            if (image.apply(message)) {
                if (message instanceof FeedMessage.Snapshot) {
                    Duration downFor = null;
                    synchronized (ImageFeed.this) {
                        backoff = MIN_BACKOFF;
                        boolean started = which == generation && !streaming;
                        streaming = which == generation;
                        if (started) {
                            downFor = Duration.ofNanos(ticker.read() - downSinceNanos);
                        }
                    }
                    if (downFor != null) {
                        tell(downFor);
                    }
                }
            } else {
                LOG.debug("{}'s feed: gap at {} {}: asking for a snapshot", image.airline(), message.base(), message.version());
                replace(which, "gap");
            }
        }

        @Override
        public void ended(Throwable cause) {
            ImageFeed.this.ended(which, cause);
        }
    }
}
