package passcom.core.seat;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import passcom.core.route.Segment;
import passcom.core.store.ForwardingStore;
import passcom.core.store.Store;

/**
 * The new free seats of the segments this process's writes changed, told to a listener (the availability publisher)
 * once the write that changed them is committed (docs/availability.md, "Publishing a change").
 *
 * <p>{@link SeatInventory} is the only code that moves a segment's counters, so it reports every segment whose free
 * seats it moves ({@link #moved}), with the count and revision its write of the counters returned, whoever called
 * it: a coordinator's purchase or cancellation, a participant's prepare, commit or abort, a hold's expiry, recovery.
 * The store {@link #tracking} returns collects those reports per unit of work (the highest revision per segment), on
 * the thread that runs the unit (the caller's on PostgreSQL, SQLite's writer thread), and hands them on after
 * {@link Store#write} has returned: only a committed count is ever told. A unit that throws reports nothing; a write
 * whose outcome is unknown (it failed after the unit ran) reports nothing either: the publisher's periodic full read
 * catches both, as it catches other processes' writes. Two units' reports may reach the listener in either order
 * (they are told on different threads after their commits): the revision says which is newer.
 *
 * <p>Thread-safe. The listener runs on the writing thread after its commit: it must return at once and never throw.
 */
public final class SeatChanges {

    private final ThreadLocal<Map<Segment.Key, FreeCount>> unit = new ThreadLocal<>();
    private volatile Consumer<Map<Segment.Key, FreeCount>> listener = counts -> { };

    /** From now on {@code listener} hears of every committed write that moved some segment's free seats. */
    public void listen(Consumer<Map<Segment.Key, FreeCount>> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** {@code store} whose writes report the segments they changed to the listener once committed. */
    public Store tracking(Store store) {
        return new Tracking(Objects.requireNonNull(store, "store"));
    }

    /** The unit of work running on this thread left {@code segment} with {@code count} (nothing when it is not tracked). */
    void moved(Segment.Key segment, FreeCount count) {
        Map<Segment.Key, FreeCount> counts = unit.get();
        if (counts != null) {
            counts.merge(segment, count, FreeCount::newer);
        }
    }

    private <T> Store.Work<T> collecting(Store.Work<T> work, Map<Segment.Key, FreeCount> into) {
        return connection -> {
            unit.set(into);
            try {
                return work.run(connection);
            } finally {
                unit.remove();
            }
        };
    }

    private void committed(Map<Segment.Key, FreeCount> counts) {
        if (!counts.isEmpty()) {
            listener.accept(counts);
        }
    }

    /** A store that reports its committed seat changes; everything else goes to the store it wraps. */
    private final class Tracking extends ForwardingStore {

        Tracking(Store store) {
            super(store);
        }

        @Override
        public <T> T write(Work<T> work) {
            return reporting(work, store::write);
        }

        @Override
        public <T> T writeUnforced(Work<T> work) {
            return reporting(work, store::writeUnforced);
        }

        private <T> T reporting(Work<T> work, Function<Work<T>, T> write) {
            // Filled on the thread that runs the unit, read here after the write returned: the store's hand-off orders the two.
            Map<Segment.Key, FreeCount> counts = new HashMap<>();
            T result = write.apply(collecting(work, counts));
            committed(counts);
            return result;
        }
    }
}
