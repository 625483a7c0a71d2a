package passcom.core.route.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import passcom.core.money.Money;
import passcom.core.route.Segment;

/**
 * One airline's own answers to route searches, computed once per availability and reused. An answer
 * depends only on which of the airline's segments have a free seat, so that set is the cache key: it is
 * read again from the store ({@code freeSegments}) when the last reading is older than its maximum age,
 * and the version moves on only when the set read differs from the last one. Selling seats on a segment
 * that keeps some free (the common case) changes nothing here.
 *
 * <p>Freshness: an answer may reflect availability up to the maximum age old: {@link #MIN_AGE}, or
 * {@link #READ_COST_FACTOR} times what the last reading took, whichever is longer, so that re-reading a
 * large network costs at most about 5 % of one core. So a search may offer a leg that has just sold out
 * (a purchase re-checks every seat, and refuses it) or miss one just freed.
 *
 * <p>Versions: increase by one per change, starting from {@code firstVersion} (the server passes its
 * start time in milliseconds, so that a restarted airline does not repeat the versions of its last run).
 *
 * <p>Thread-safe. One thread re-reads at a time; the others meanwhile answer from the previous reading.
 */
public final class LocalPathsCache {

    static final Duration MIN_AGE = Duration.ofMillis(20);
    static final int READ_COST_FACTOR = 20;
    private final String airline;
    private final Money pricePer100Km;
    private final List<Segment> flown;
    private final Supplier<Set<Segment.Key>> freeSegments;
    private final LongSupplier nanoTime;
    private final int pathsPerAnswer;
    private final long firstVersion;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot snapshot;

    /** One reading of the availability: what it found and the paths over it ({@link FreeSegmentPaths} memoises them per trip). */
    private record Snapshot(long version, Set<Segment.Key> free, FreeSegmentPaths paths, long readAtNanos, long maxAgeNanos) {
        boolean freshAt(long nanos) {
            return nanos - readAtNanos < maxAgeNanos;
        }
    }

    /**
     * @param flown          every segment the airline flies
     * @param freeSegments   reads the segments with at least one free seat now (a store read)
     * @param nanoTime       the clock ({@code System::nanoTime}; tests move it)
     * @param pathsPerAnswer how many paths an answer holds (k)
     */
    public LocalPathsCache(String airline, Money pricePer100Km, List<Segment> flown, Supplier<Set<Segment.Key>> freeSegments,
                           LongSupplier nanoTime, int pathsPerAnswer, long firstVersion) {
        this.airline = Objects.requireNonNull(airline, "airline");
        this.pricePer100Km = Objects.requireNonNull(pricePer100Km, "pricePer100Km");
        this.flown = List.copyOf(flown);
        this.freeSegments = Objects.requireNonNull(freeSegments, "freeSegments");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.pathsPerAnswer = pathsPerAnswer;
        this.firstVersion = firstVersion;
    }

    /** The airline's best paths from {@code origin} to {@code destination} over segments with a free seat, and their version. */
    public VersionedPaths paths(String origin, String destination) {
        Snapshot current = current();
        return new VersionedPaths(current.version, current.paths.paths(origin, destination));
    }

    /** The version of the availability answers are computed from now (a peer compares it with the answers it holds). */
    public long version() {
        return current().version;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && current.freshAt(nanoTime.getAsLong())) {
            return current;
        }
        if (current != null && !reading.tryLock()) {
            return current; // another thread is reading; its result serves the next callers
        }
        if (current == null) {
            reading.lock();
        }
        try {
            current = snapshot;
            long start = nanoTime.getAsLong();
            if (current != null && current.freshAt(start)) {
                return current;
            }
            Set<Segment.Key> free = Set.copyOf(freeSegments.get());
            long now = nanoTime.getAsLong();
            long maxAge = Math.max(MIN_AGE.toNanos(), (now - start) * READ_COST_FACTOR);
            Snapshot next;
            if (current != null && current.free.equals(free)) {
                next = new Snapshot(current.version, current.free, current.paths, now, maxAge);
            } else {
                next = new Snapshot(current == null ? firstVersion : current.version + 1, free,
                        new FreeSegmentPaths(airline, pricePer100Km, flown, free, pathsPerAnswer), now, maxAge);
            }
            snapshot = next;
            return next;
        } finally {
            reading.unlock();
        }
    }
}
