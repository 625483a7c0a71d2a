package passcom.server.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the nonce of every verified server-to-server call for as long as its timestamp is inside the
 * replay window, so that a captured call sent again within the window is refused: outside it the signer's
 * clock check refuses it already. Memory is bounded: at most {@code capacity} nonces are kept; expired ones
 * are dropped first (insertion order is close to expiry order, timestamps being within a window of now), and
 * when every remembered nonce is still live the call is refused rather than a live nonce forgotten, which
 * would let its call be replayed. Thread-safe (one lock; each call is O(1) amortized).
 */
public final class ReplayGuard {

    /** 200,000 signed calls in one window is ~3,000 a second over 60 s, far above what one airline's store commits. */
    public static final int DEFAULT_CAPACITY = 200_000;

    private final int capacity;
    /** sender + nonce → the epoch second after which its call is stale anyway. */
    private final LinkedHashMap<String, Long> live = new LinkedHashMap<>();

    public ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** What {@link #admit} decided. */
    public enum Verdict {
        /** First use of this nonce: remembered until {@code staleAfter}. */
        FIRST_USE,
        /** Seen before inside the window: a replay. */
        REPLAYED,
        /** Every slot holds a live nonce: refuse now, the caller may retry with a new signature later. */
        FULL
    }

    /**
     * @param key        the sender and its nonce
     * @param staleAfter the epoch second after which a call with this nonce is refused as stale
     * @param now        the current epoch second
     */
    public synchronized Verdict admit(String key, long staleAfter, long now) {
        Long known = live.get(key);
        if (known != null && known >= now) {
            return Verdict.REPLAYED;
        }
        dropExpired(now);
        if (live.size() >= capacity) {
            live.values().removeIf(staleAt -> staleAt < now);
        }
        if (live.size() >= capacity) {
            return Verdict.FULL;
        }
        live.put(key, staleAfter);
        return Verdict.FIRST_USE;
    }

    /** Nonces remembered now (tests, health). */
    public synchronized int size() {
        return live.size();
    }

    private void dropExpired(long now) {
        Iterator<Map.Entry<String, Long>> oldest = live.entrySet().iterator();
        // Entries are roughly in expiry order; stop at the first live one, but look a little further so an
        // early entry with a late timestamp does not shield expired ones behind it for a whole window.
        int liveSeen = 0;
        while (oldest.hasNext() && liveSeen < 8) {
            if (oldest.next().getValue() < now) {
                oldest.remove();
            } else {
                liveSeen++;
            }
        }
    }
}
