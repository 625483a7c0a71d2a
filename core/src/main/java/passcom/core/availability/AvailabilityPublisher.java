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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.seat.FreeCount;
import passcom.core.time.Ticker;

/**
 * This airline's availability feed: the free seats of every segment it flies, read from its store, with a
 * version that moves by one per change (docs/availability.md).
 *
 * <p>Two sources feed it, both published on one thread ({@code feed-A}), both counts the store committed, each with
 * the revision of its segment's counters. A <em>change</em>: this process committed a change to some segments' free
 * seats, and its writes of the counters returned the new counts ({@link #changed}); the thread publishes them at once
 * as a delta, with no read. Changes that arrive while it publishes wait for the next turn, so a burst costs one
 * version. A <em>full read</em> of every segment, every {@link #MIN_POLL} or {@link #READ_COST_FACTOR} times what the
 * last one took, whichever is longer (so a 5,000-city network costs a few % of a core): it catches what no change
 * covered, the other instance of an airline sharing a PostgreSQL store above all, and it alone confirms the
 * heartbeat's version. A count replaces the one held only if its revision is not older, so counts reported out of
 * commit order, or a full read that started before a change it then publishes late, never take a segment back.
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
    private final Supplier<Map<Segment.Key, FreeCount>> readFree;
    private final Ticker ticker;
    /** This airline's image as its own searches read it: fed on every read, under the lock, in the feed's order. */
    private final AvailabilityImage own;
    private final String base = UUID.randomUUID().toString();
    /** Counts changed and not yet published, the newest per segment; guarded by itself. */
    private final Map<Segment.Key, FreeCount> pending = new HashMap<>();
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /**
     * Guarded by this: the current version, its counts (null before the first read), the revision of each count, and
     * when a full read last confirmed them.
     */
    private long version;
    private Map<Segment.Key, Integer> free;
    private final Map<Segment.Key, Long> revisions = new HashMap<>();
    private long readAtNanos;
    /** The feed thread's own: when its last full read attempt ended. */
    private long lastFullReadNanos;
    private volatile boolean closed;

    /**
     * @param readFree reads every segment's free seats and revision from the store (one query); called on the feed thread only
     * @param own      this airline's image, kept equal to what the feed publishes
     */
    public AvailabilityPublisher(String airline, Money pricePer100Km, Supplier<Map<Segment.Key, FreeCount>> readFree,
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
        readAll();
        thread.start();
    }

    /**
     * This process has just committed these counts (what its writes of the counters returned): they are published at
     * once, not at the next full read. Never blocks (it runs on the writer's thread, after its commit); reports of
     * several threads may come in any order.
     */
    public void changed(Map<Segment.Key, FreeCount> counts) {
        synchronized (pending) {
            counts.forEach((segment, count) -> pending.merge(segment, count, FreeCount::newer));
        }
        if (!wake.offer(Boolean.TRUE)) {
            return; // a wake-up is already waiting: the turn it causes takes these counts too
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
     * Publishes the counts {@link #changed} at once, and reads every segment each full-read period ({@link #MIN_POLL},
     * or {@link #READ_COST_FACTOR} times the last full read's cost), busy or not. A change waits for nothing: the
     * period only spaces the full reads, so a large network's full read stays a few % of a core however busy its sales.
     */
    private void run() {
        long costNanos = 0;
        while (!closed) {
            long period = Math.max(MIN_POLL.toNanos(), costNanos * READ_COST_FACTOR);
            try {
                Map<Segment.Key, FreeCount> counts = takePending();
                long untilFull = period - (ticker.read() - lastFullReadNanos);
                if (counts.isEmpty() && untilFull > 0 && wake.poll(untilFull, TimeUnit.NANOSECONDS) != null) {
                    counts = takePending(); // woken by a change (a timeout leaves any late one to the next turn)
                }
                if (Thread.interrupted()) {
                    return;
                }
                if (!counts.isEmpty()) {
                    synchronized (this) {
                        publish(counts);
                    }
                }
                if (ticker.read() - lastFullReadNanos >= period) {
                    long start = ticker.read();
                    readAll();
                    costNanos = ticker.read() - start;
                    lastFullReadNanos = ticker.read();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A store that cannot be read stops the heartbeats, so peers see this airline as silent, not as unchanged.
                LOG.debug("airline {}: availability not read: {}", airline, e.toString());
                costNanos = HEARTBEAT.toNanos() / 2 / READ_COST_FACTOR;
                lastFullReadNanos = ticker.read();
            }
        }
    }

    private Map<Segment.Key, FreeCount> takePending() {
        synchronized (pending) {
            if (pending.isEmpty()) {
                return Map.of();
            }
            Map<Segment.Key, FreeCount> taken = Map.copyOf(pending);
            pending.clear();
            return taken;
        }
    }

    /** A full read: every segment's count, and the confirmation heartbeats need. */
    private void readAll() {
        Map<Segment.Key, FreeCount> now = readFree.get();
        synchronized (this) {
            readAtNanos = ticker.read();
            if (free == null) {
                free = new HashMap<>();
                for (Map.Entry<Segment.Key, FreeCount> count : now.entrySet()) { // a loop, not a lambda: under this lock
                    free.put(count.getKey(), count.getValue().seats());
                    revisions.put(count.getKey(), count.getValue().revision());
                }
                own.apply(snapshot());
                return;
            }
            if (!publish(now)) {
                own.apply(new FeedMessage.Heartbeat(base, version));
            }
        }
    }

    /**
     * Under the lock: the next version, with every count of {@code now} that differs from the one held and is not
     * older than it (its revision at least the held one's: an older count is a commit this feed already passed);
     * false when none does.
     */
    private boolean publish(Map<Segment.Key, FreeCount> now) {
        Map<Segment.Key, Integer> changed = new HashMap<>();
        for (Map.Entry<Segment.Key, FreeCount> entry : now.entrySet()) { // a loop, not a lambda: under this lock
            Segment.Key segment = entry.getKey();
            FreeCount count = entry.getValue();
            Long held = revisions.get(segment);
            if (held == null || count.revision() >= held) {
                revisions.put(segment, count.revision());
                if (!Integer.valueOf(count.seats()).equals(free.get(segment))) {
                    changed.put(segment, count.seats());
                }
            }
        }
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
