package passcom.core.store;

import java.time.Duration;

/**
 * A store that hands every call to the store it wraps: the base of a wrapper that changes only some calls (the seat
 * changes' tracking store overrides the writes; tests delay or record them).
 */
public abstract class ForwardingStore implements Store {

    protected final Store store;

    protected ForwardingStore(Store store) {
        this.store = store;
    }

    @Override
    public <T> T write(Work<T> work) {
        return store.write(work);
    }

    @Override
    public <T> T writeUnforced(Work<T> work) {
        return store.writeUnforced(work);
    }

    @Override
    public <T> T read(Work<T> work) {
        return store.read(work);
    }

    @Override
    public Dialect dialect() {
        return store.dialect();
    }

    @Override
    public Duration deadline() {
        return store.deadline();
    }

    @Override
    public boolean shared() {
        return store.shared();
    }

    @Override
    public void observe(StoreListener listener) {
        store.observe(listener);
    }

    @Override
    public void close() {
        store.close();
    }
}
