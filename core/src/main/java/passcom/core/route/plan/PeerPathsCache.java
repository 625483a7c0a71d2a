package passcom.core.route.plan;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A coordinator's copy of one peer airline's answers to route searches, each with the availability
 * version it was computed from ({@link VersionedPaths}). An answer is served without asking the peer
 * while its version is the peer's current one, as last learned (from an answer or from a version check)
 * within {@code validFor}. A served answer older than {@code checkAfter} asks the caller to check the
 * peer's version in the background ({@link #shouldCheck}; at most one check in flight); a failed check
 * forgets the version, so nothing is served from the cache until the peer answers again: a peer that
 * stops is reported as unavailable within about {@code validFor}.
 *
 * <p>What it may show: the peer's availability as of up to about {@code checkAfter} plus one round trip
 * ago (plus the peer's own {@link LocalPathsCache} age). A purchase never relies on it: the peer re-checks
 * and holds every seat in phase one, and refuses a sold-out leg.
 *
 * <p>Versions of one peer only grow (its {@link LocalPathsCache} counts up, from its start time), so a late
 * answer carrying an older version never replaces a newer one. Thread-safe.
 */
public final class PeerPathsCache {

    /**
     * A check every 100 ms per peer while searches run. An answer stays trusted up to 1 s after its version
     * was last confirmed: the checks' round trips must fit in the gap, and on a saturated 2-core machine
     * (load average 60) they took over 150 ms, so a 200 ms window kept emptying the cache.
     */
    public static final Duration CHECK_AFTER = Duration.ofMillis(100);
    public static final Duration VALID_FOR = Duration.ofSeconds(1);
    /** Parsed answers hold their own strings: on a 1,000-city network one answer is ~400 names, so the copy stays small. */
    static final int MAX_ANSWERS = 512;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private record Trip(String origin, String destination) {
    }

    private record Known(long version, long atNanos) {
    }

    private final LongSupplier nanoTime;
    private final long checkAfterNanos;
    private final long validForNanos;
    private final Map<Trip, VersionedPaths> answers = new ConcurrentHashMap<>();
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Known known = new Known(UNKNOWN, 0);

    public PeerPathsCache(LongSupplier nanoTime, Duration checkAfter, Duration validFor) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.checkAfterNanos = checkAfter.toNanos();
        this.validForNanos = validFor.toNanos();
    }

    /** The peer's answer for this trip if the cache holds one of its current version; null means ask the peer. */
    public AirlinePaths lookup(String origin, String destination) {
        Known now = known;
        if (now.version == UNKNOWN || nanoTime.getAsLong() - now.atNanos >= validForNanos) {
            return null;
        }
        VersionedPaths cached = answers.get(new Trip(origin, destination));
        return cached != null && cached.version() == now.version ? cached.paths() : null;
    }

    /**
     * Whether the caller should check the peer's version now (the last check is older than
     * {@code checkAfter} and none is in flight). A true answer must be followed by {@link #checked} or
     * {@link #checkFailed}.
     */
    public boolean shouldCheck() {
        Known now = known;
        return now.version != UNKNOWN && nanoTime.getAsLong() - now.atNanos >= checkAfterNanos && checking.compareAndSet(false, true);
    }

    /** The peer said its version is {@code version}. */
    public void checked(long version) {
        learn(version);
        checking.set(false);
    }

    /** The version check failed: the peer may be gone, so nothing is served until it answers again. */
    public void checkFailed() {
        known = new Known(UNKNOWN, 0);
        checking.set(false);
    }

    /** The peer answered this trip (its answer is also the latest word on its version). */
    public void answered(String origin, String destination, VersionedPaths answer) {
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        answers.put(new Trip(origin, destination), answer);
        learn(answer.version());
    }

    private synchronized void learn(long version) {
        Known now = known;
        if (version >= now.version) {
            known = new Known(version, nanoTime.getAsLong());
        }
    }
}
