package passcom.core.store;

/**
 * Told of every durable commit of a {@link Store}, on the thread that committed it (SQLite's writer thread):
 * must return at once and never throw. The server turns these into metrics; core knows nothing of them.
 */
public interface StoreListener {

    StoreListener NONE = (writes, nanos) -> { };

    /**
     * A commit made {@code writes} units of work durable with one fsync (SQLite's group commit; always 1 on
     * PostgreSQL), {@code nanos} after the transaction began.
     */
    void committed(int writes, long nanos);
}
