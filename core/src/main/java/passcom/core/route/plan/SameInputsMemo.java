package passcom.core.route.plan;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per key, the last value computed and the inputs it was computed from, reused while the inputs are the very
 * same objects. Route answers come out of caches that hand back the same instance for as long as an airline's
 * availability version stands ({@link LocalPathsCache}, {@link FreeSegmentPaths}), so "the same instances" means
 * "the same versions", and what is computed purely from them (the federation merge, its JSON) need not be
 * computed again. Comparing identities, not contents, keeps a hit at a few pointer comparisons.
 *
 * <p>Bounded: past {@code maxKeys} keys the memo starts over (a 1,000-city network has a million trips, most
 * asked once, so an eviction order would cost more than it saves). Thread-safe; two threads may compute the
 * same value at once, and either result is correct.
 */
public final class SameInputsMemo<K, V> {

    private record Entry<V>(List<?> inputs, V value) {
    }

    private final int maxKeys;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public SameInputsMemo(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** The value last computed for {@code key} if it came from these very {@code inputs}, else {@code compute}'s. */
    public V get(K key, List<?> inputs, Supplier<V> compute) {
        Entry<V> entry = entries.get(key);
        if (entry != null && sameInstances(entry.inputs(), inputs)) {
            return entry.value();
        }
        V value = compute.get();
        if (entries.size() >= maxKeys) {
            entries.clear();
        }
        entries.put(key, new Entry<>(List.copyOf(inputs), value));
        return value;
    }

    private static boolean sameInstances(List<?> known, List<?> inputs) {
        if (known.size() != inputs.size()) {
            return false;
        }
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i) != inputs.get(i)) {
                return false;
            }
        }
        return true;
    }
}
