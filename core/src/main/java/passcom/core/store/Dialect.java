package passcom.core.store;

import java.sql.SQLException;

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

    /** Whether {@code e} says a unique key already holds the value (SQLite: SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY; PostgreSQL: 23505). */
    public boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || (sql.getMessage() != null && sql.getMessage().contains("UNIQUE constraint failed")))) {
                return true;
            }
        }
        return false;
    }
}
