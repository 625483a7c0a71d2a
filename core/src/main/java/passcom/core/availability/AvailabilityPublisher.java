package passcom.core.availability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.time.Ticker;

/**
 * This airline's availability feed: the free seats of every segment it flies, read from its store, with a
 * version that moves by one per change (docs/availability.md).
 *
 * <p>Reading the store, not the writes this process makes, is what lets two instances of one airline that share a
 * PostgreSQL store each publish the other's sales too. One thread ({@code feed-A}) reads the counters at most every
 * {@link #MIN_POLL}, or {@link #READ_COST_FACTOR} times what the last read took, whichever is longer (so a 5,000-city
 * network costs a few % of a core), and at once after {@link #nudge} (this process committed seats).
 *
 * <p>Subscribers never slow the writer: a change is offered to each {@link Subscription}'s bounded queue and,
 * when that is full, the queue is dropped and the subscriber gets a snapshot next instead. Publishing and taking
 * a snapshot hold this object's lock, so a snapshot is followed by exactly the deltas after it.
 *
 * <p>Thread-safe. {@link #start} once; {@link #close} stops the thread and ends every subscription.
 */
public final class AvailabilityPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityPublisher.class);

    static final Duration MIN_POLL = Duration.ofMillis(20);
    static final int READ_COST_FACTOR = 20;
    /** Silence longer than this from a feed means the airline is not answering; heartbeats come 4 times as often. */
    public static final Duration HEARTBEAT = Duration.ofMillis(500);
    /** A subscriber this many changes behind gets a snapshot instead. */
    static final int QUEUE = 64;

    private final String airline;
    private final Money pricePer100Km;
    private final Supplier<Map<Segment.Key, Integer>> readFree;
    private final Ticker ticker;
    /** This airline's image as its own searches read it: fed on every read, under the lock, in the feed's order. */
    private final AvailabilityImage own;
    private final String base = UUID.randomUUID().toString();
    private final BlockingQueue<Boolean> nudges = new ArrayBlockingQueue<>(1);
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** Guarded by this: the current version, its counts, and when the store last confirmed them. */
    private long version;
    private Map<Segment.Key, Integer> free;
    private long readAtNanos;
    /** The feed thread's own: when its last read attempt ended. */
    private long lastReadNanos;
    private volatile boolean closed;

    /**
     * @param readFree reads every segment's free seats from the store (one query); called on the feed thread only
     * @param own      this airline's image, kept equal to what the feed publishes
     */
    public AvailabilityPublisher(String airline, Money pricePer100Km, Supplier<Map<Segment.Key, Integer>> readFree,
                                 AvailabilityImage own, Ticker ticker) {
        this.airline = Objects.requireNonNull(airline, "airline");
        this.pricePer100Km = Objects.requireNonNull(pricePer100Km, "pricePer100Km");
        this.readFree = Objects.requireNonNull(readFree, "readFree");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.own = Objects.requireNonNull(own, "own");
        this.thread = new Thread(this::run, "feed-" + airline);
        this.thread.setDaemon(true);
    }

    /** Reads the store once (so that the feed has a version before anyone asks), then starts the feed thread. */
    public void start() {
        read();
        thread.start();
    }

    /** Reads the store now instead of at the next poll: this process has just committed a seat change. Never blocks. */
    public void nudge() {
        if (!nudges.offer(Boolean.TRUE)) {
            return; // a nudge is already waiting: the read it causes covers this change too
        }
    }

    /** A new subscriber: its first message is a snapshot. */
    public Subscription subscribe() {
        Subscription subscription = new Subscription(this);
        subscriptions.add(subscription);
        return subscription;
    }

    /** The current version as a snapshot (the local image of this airline reads it). */
    public synchronized FeedMessage.Snapshot snapshot() {
        return new FeedMessage.Snapshot(base, version, pricePer100Km, free);
    }

    /** Nanoseconds ({@link Ticker}) since the store last confirmed the current version. */
    public synchronized long ageNanos() {
        return ticker.read() - readAtNanos;
    }

    /** Subscribers connected now (tests, metrics). */
    public int subscribers() {
        return subscriptions.size();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        subscriptions.forEach(Subscription::close);
    }

    boolean isClosed() {
        return closed;
    }

    void remove(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    /** Under the lock: a heartbeat of the current version, or null when the store has not confirmed it lately. */
    synchronized FeedMessage.Heartbeat heartbeat() {
        return ticker.read() - readAtNanos < 2 * HEARTBEAT.toNanos() ? new FeedMessage.Heartbeat(base, version) : null;
    }

    /**
     * Reads every {@link #MIN_POLL} (or {@link #READ_COST_FACTOR} times the last read's cost), and at once after a
     * nudge, but never sooner after a read than that cost factor allows: a burst of commits costs one read.
     */
    private void run() {
        long costNanos = 0;
        while (!closed) {
            try {
                long minGap = costNanos * READ_COST_FACTOR;
                long maxGap = Math.max(MIN_POLL.toNanos(), minGap);
                long elapsed = ticker.read() - lastReadNanos;
                if (elapsed < maxGap && nudges.poll(maxGap - elapsed, TimeUnit.NANOSECONDS) != null) {
                    long early = minGap - (ticker.read() - lastReadNanos);
                    if (early > 0) {
                        LockSupport.parkNanos(early);
                    }
                }
                if (Thread.interrupted()) {
                    return;
                }
                long start = ticker.read();
                read();
                costNanos = ticker.read() - start;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A store that cannot be read stops the heartbeats, so peers see this airline as silent, not as unchanged.
                LOG.debug("airline {}: availability not read: {}", airline, e.toString());
                costNanos = HEARTBEAT.toNanos() / 2 / READ_COST_FACTOR;
            }
            lastReadNanos = ticker.read();
        }
    }

    private void read() {
        Map<Segment.Key, Integer> now = readFree.get();
        synchronized (this) {
            readAtNanos = ticker.read();
            if (free == null) {
                free = Map.copyOf(now);
                own.apply(snapshot());
                return;
            }
            Map<Segment.Key, Integer> changed = new HashMap<>();
            now.forEach((segment, seats) -> {
                if (!seats.equals(free.get(segment))) {
                    changed.put(segment, seats);
                }
            });
            if (changed.isEmpty()) {
                own.apply(new FeedMessage.Heartbeat(base, version));
                return;
            }
            version++;
            free = Map.copyOf(now);
            FeedMessage.Delta delta = new FeedMessage.Delta(base, version, changed);
            own.apply(delta);
            subscriptions.forEach(s -> s.offer(delta));
        }
    }

    /** One subscriber's bounded queue of messages (docs/availability.md, "Slow subscribers"). */
    public static final class Subscription implements AutoCloseable {

        private final AvailabilityPublisher publisher;
        private final BlockingQueue<FeedMessage> queue = new ArrayBlockingQueue<>(QUEUE);
        /** The next message must be a snapshot: the first one, and after the queue overflowed. Guarded by the publisher. */
        private boolean behind = true;
        private volatile boolean closed;

        private Subscription(AvailabilityPublisher publisher) {
            this.publisher = publisher;
        }

        /** Under the publisher's lock. */
        private void offer(FeedMessage.Delta delta) {
            if (!behind && !queue.offer(delta)) {
                behind = true;
                queue.clear();
            }
        }

        /**
         * The next message: a snapshot first and after falling behind, then each delta in order, or a heartbeat when
         * nothing changed for {@code heartbeat}. Null once closed, or while the store cannot be read (no heartbeat).
         */
        public FeedMessage next(Duration heartbeat) throws InterruptedException {
            if (closed || publisher.isClosed()) {
                return null;
            }
            synchronized (publisher) {
                if (behind) {
                    behind = false;
                    queue.clear();
                    return publisher.snapshot();
                }
            }
            FeedMessage message = queue.poll(heartbeat.toNanos(), TimeUnit.NANOSECONDS);
            if (message != null || closed) {
                return message;
            }
            synchronized (publisher) {
                // Only when no delta is waiting: a heartbeat must never claim a version this subscriber has not been sent.
                return queue.isEmpty() && !behind ? publisher.heartbeat() : queue.poll();
            }
        }

        public boolean isClosed() {
            return closed || publisher.isClosed();
        }

        @Override
        public void close() {
            closed = true;
            publisher.remove(this);
        }
    }
}
