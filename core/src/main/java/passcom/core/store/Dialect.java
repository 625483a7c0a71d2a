package passcom.core.store;

/** The only SQL that differs between the engines. Everything else is written once, for both. */
public enum Dialect {

    /** One writer at a time by construction (the store's writer thread): row locks are neither needed nor available. */
    SQLITE("", ""),

    /** Many writers, also from other processes: rows that decide a seat or a claim are locked explicitly. */
    POSTGRESQL(" FOR UPDATE", " FOR UPDATE SKIP LOCKED");

    private final String forUpdate;
    private final String forUpdateSkipLocked;

    Dialect(String forUpdate, String forUpdateSkipLocked) {
        this.forUpdate = forUpdate;
        this.forUpdateSkipLocked = forUpdateSkipLocked;
    }

    /** Appended to a SELECT whose rows the transaction goes on to change, so concurrent writers queue on them. */
    public String forUpdate() {
        return forUpdate;
    }

    /** Appended to a SELECT of rows to claim, skipping those another writer is working on. */
    public String forUpdateSkipLocked() {
        return forUpdateSkipLocked;
    }
}
