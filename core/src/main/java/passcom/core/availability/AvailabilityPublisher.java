package passcom.core.availability;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * <p>Two reads feed it, both on one thread ({@code feed-A}), both of the store's counters, never of what this process
 * believes it wrote. A <em>change read</em>: this process committed a change to some segments' free seats and said
 * which ({@link #changed}); the thread reads just those segments at once and publishes a delta. Changes that arrive
 * while a read runs wait for the next one, so a burst costs one small query, with no waiting besides. A <em>full
 * read</em> of every segment, every {@link #MIN_POLL} or {@link #READ_COST_FACTOR} times what the last one took,
 * whichever is longer (so a 5,000-city network costs a few % of a core): it catches what no change read covered, the
 * other instance of an airline sharing a PostgreSQL store above all, and it alone confirms the heartbeat's version.
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
    /** More segments changed than this at once (recovery, a store that was down) are read by a full read instead. */
    static final int MAX_CHANGE_READ = 128;
    /** Silence longer than this from a feed means the airline is not answering; heartbeats come 4 times as often. */
    public static final Duration HEARTBEAT = Duration.ofMillis(500);
    /** A subscriber this many changes behind gets a snapshot instead. */
    static final int QUEUE = 64;

    private final String airline;
    private final Money pricePer100Km;
    private final Supplier<Map<Segment.Key, Integer>> readFree;
    private final Function<Set<Segment.Key>, Map<Segment.Key, Integer>> readSome;
    private final Ticker ticker;
    /** This airline's image as its own searches read it: fed on every read, under the lock, in the feed's order. */
    private final AvailabilityImage own;
    private final String base = UUID.randomUUID().toString();
    /** Segments changed and not yet read; guarded by itself. */
    private final Set<Segment.Key> pending = new HashSet<>();
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** Guarded by this: the current version, its counts (null before the first read), and when a full read last confirmed them. */
    private long version;
    private Map<Segment.Key, Integer> free;
    private long readAtNanos;
    /** The feed thread's own: when its last full read attempt ended. */
    private long lastFullReadNanos;
    private volatile boolean closed;

    /**
     * @param readFree reads every segment's free seats from the store (one query); called on the feed thread only
     * @param readSome reads the free seats of the segments given (one query); called on the feed thread only
     * @param own      this airline's image, kept equal to what the feed publishes
     */
    public AvailabilityPublisher(String airline, Money pricePer100Km, Supplier<Map<Segment.Key, Integer>> readFree,
                                 Function<Set<Segment.Key>, Map<Segment.Key, Integer>> readSome, AvailabilityImage own, Ticker ticker) {
        this.airline = Objects.requireNonNull(airline, "airline");
        this.pricePer100Km = Objects.requireNonNull(pricePer100Km, "pricePer100Km");
        this.readFree = Objects.requireNonNull(readFree, "readFree");
        this.readSome = Objects.requireNonNull(readSome, "readSome");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.own = Objects.requireNonNull(own, "own");
        this.thread = new Thread(this::run, "feed-" + airline);
        this.thread.setDaemon(true);
    }

    /** Reads the store once (so that the feed has a version before anyone asks), then starts the feed thread. */
    public void start() {
        readAll();
        thread.start();
    }

    /**
     * This process has just committed a change to these segments' free seats: they are read and published at once,
     * not at the next full read. Never blocks (it runs on the writer's thread, after its commit).
     */
    public void changed(Set<Segment.Key> segments) {
        synchronized (pending) {
            pending.addAll(segments);
        }
        if (!wake.offer(Boolean.TRUE)) {
            return; // a wake-up is already waiting: the read it causes takes these segments too
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
     * Reads the segments {@link #changed} at once, and every segment each full-read period ({@link #MIN_POLL}, or
     * {@link #READ_COST_FACTOR} times the last full read's cost). A change read waits for nothing: the period only
     * spaces the full reads, so a large network's full read stays a few % of a core however busy its sales.
     */
    private void run() {
        long costNanos = 0;
        while (!closed) {
            long period = Math.max(MIN_POLL.toNanos(), costNanos * READ_COST_FACTOR);
            try {
                Set<Segment.Key> segments = takePending();
                long untilFull = period - (ticker.read() - lastFullReadNanos);
                if (segments.isEmpty() && untilFull > 0 && wake.poll(untilFull, TimeUnit.NANOSECONDS) != null) {
                    segments = takePending(); // woken by a change (a timeout leaves any late one to the next turn)
                }
                if (Thread.interrupted()) {
                    return;
                }
                if (!segments.isEmpty() && segments.size() <= MAX_CHANGE_READ) {
                    readSome(segments);
                } else if (!segments.isEmpty() || ticker.read() - lastFullReadNanos >= period) {
                    long start = ticker.read();
                    readAll();
                    costNanos = ticker.read() - start;
                    lastFullReadNanos = ticker.read();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A store that cannot be read stops the heartbeats, so peers see this airline as silent, not as unchanged.
                // The segments of a failed change read are left to the next full read, which must succeed to confirm anything.
                LOG.debug("airline {}: availability not read: {}", airline, e.toString());
                costNanos = HEARTBEAT.toNanos() / 2 / READ_COST_FACTOR;
                lastFullReadNanos = ticker.read();
            }
        }
    }

    private Set<Segment.Key> takePending() {
        synchronized (pending) {
            if (pending.isEmpty()) {
                return Set.of();
            }
            Set<Segment.Key> taken = Set.copyOf(pending);
            pending.clear();
            return taken;
        }
    }

    /** A full read: every segment's count, and the confirmation heartbeats need. */
    private void readAll() {
        Map<Segment.Key, Integer> now = readFree.get();
        synchronized (this) {
            readAtNanos = ticker.read();
            if (free == null) {
                free = new HashMap<>(now);
                own.apply(snapshot());
                return;
            }
            if (!publish(now)) {
                own.apply(new FeedMessage.Heartbeat(base, version));
            }
        }
    }

    /** A change read: only these segments' counts, published as a delta if any differs from the version held. */
    private void readSome(Set<Segment.Key> segments) {
        Map<Segment.Key, Integer> now = readSome.apply(segments);
        synchronized (this) {
            publish(now);
        }
    }

    /** Under the lock: the next version, with every count of {@code now} that differs; false when none does. */
    private boolean publish(Map<Segment.Key, Integer> now) {
        Map<Segment.Key, Integer> changed = new HashMap<>();
        now.forEach((segment, seats) -> {
            if (!seats.equals(free.get(segment))) {
                changed.put(segment, seats);
            }
        });
        if (changed.isEmpty()) {
            return false;
        }
        version++;
        free.putAll(changed);
        FeedMessage.Delta delta = new FeedMessage.Delta(base, version, changed);
        own.apply(delta);
        subscriptions.forEach(s -> s.offer(delta));
        return true;
    }

    /** One subscriber's bounded queue of messages (docs/availability.md, "Slow subscribers"). */
    public static final class Subscription implements AutoCloseable {

        private final AvailabilityPublisher publisher;
        /** Put in the queue by {@link #close}: never sent, it only wakes a waiting {@link #next}. */
        private static final FeedMessage ENDED = new FeedMessage.Heartbeat("ended", -1);

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
            FeedMessage.Snapshot owed = owedSnapshot();
            if (owed != null) {
                return owed;
            }
            FeedMessage message = queue.poll(heartbeat.toNanos(), TimeUnit.NANOSECONDS);
            if (message == ENDED) {
                return null;
            }
            if (message != null || closed) {
                return message;
            }
            synchronized (publisher) {
                // Only when no delta is waiting: a heartbeat must never claim a version this subscriber has not been sent.
                return queue.isEmpty() && !behind ? publisher.heartbeat() : queue.poll();
            }
        }

        /**
         * The next message if one is ready now (a snapshot owed, or a queued delta), else null at once: lets a writer
         * send everything already waiting before it flushes, never a heartbeat.
         */
        public FeedMessage poll() {
            if (closed || publisher.isClosed()) {
                return null;
            }
            FeedMessage.Snapshot owed = owedSnapshot();
            if (owed != null) {
                return owed;
            }
            FeedMessage message = queue.poll();
            return message == ENDED ? null : message;
        }

        /** The snapshot this subscriber is owed (its first message, or it fell behind), or null. */
        private FeedMessage.Snapshot owedSnapshot() {
            synchronized (publisher) {
                if (!behind) {
                    return null;
                }
                behind = false;
                queue.clear();
                return publisher.snapshot();
            }
        }

        public boolean isClosed() {
            return closed || publisher.isClosed();
        }

        @Override
        public void close() {
            closed = true;
            publisher.remove(this);
            // Wakes a writer waiting in next for up to a heartbeat, so that a server stops without that wait.
            synchronized (publisher) {
                queue.clear();
                queue.add(ENDED); // just emptied, under the lock every offer takes: there is room
            }
        }
    }
}
