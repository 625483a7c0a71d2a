package passcom.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import passcom.core.time.Sleeper;
import passcom.core.time.Ticker;

/**
 * An airline's transactional store, and the only way to touch it. {@link #write} runs one unit of work
 * as one local transaction that is on disk (fsynced) when it returns: nothing the unit decided may be
 * told to anyone before then. {@link #read} sees only committed data.
 *
 * <p>Two engines share every line of SQL but the few in {@link Dialect}: SQLite in one file per airline
 * (the embedded default, {@link SqliteStore}) and PostgreSQL, which several instances of one airline can
 * share ({@link PostgresStore}). Design and measurements: docs/storage.md.
 *
 * <p>Every call has a deadline ({@link #deadline()}), shorter than any caller's own timeout, and fails
 * with {@link StoreFailure} past it rather than wait without bound. A unit of work must not commit,
 * roll back, set savepoints on or close the connection it is given: a unit that throws is rolled back
 * alone, and that is the only undo there is (SQLite runs many units in one transaction).
 */
public interface Store extends AutoCloseable {

    /** A unit of work inside one local transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one local transaction and returns once it is durable. A unit that throws
     * changes nothing. @throws StoreFailure the store failed, or the deadline passed before the unit ran
     */
    <T> T write(Work<T> work);

    /**
     * Runs {@code work} in one local transaction and returns once it is committed, visible to every reader and
     * every instance, but not yet forced to disk: the next forced {@link #write} makes it durable with itself
     * (one log, written in order), and a kill -9 keeps it (the OS has it); only a power cut before that loses
     * it. For records whose loss the protocol presumes away and nothing else: the coordinator's {@code STARTED}
     * (presumed abort, docs/purchase-protocol.md). A store that cannot tell the difference writes it forced.
     */
    default <T> T writeUnforced(Work<T> work) {
        return write(work);
    }

    /** Runs {@code work} on a snapshot of committed data. Writes are not allowed. */
    <T> T read(Work<T> work);

    Dialect dialect();

    /** How long a call may take before it fails. */
    Duration deadline();

    /**
     * Whether other processes may use this store at the same time (several instances of one airline on
     * PostgreSQL). An embedded store is locked to its process: no other instance can exist.
     */
    boolean shared();

    /** From now on {@code listener} hears of every commit of a write (metrics); replaces any earlier one. */
    default void observe(StoreListener listener) {
    }

    @Override
    void close();

    /**
     * Opens the store at {@code jdbcUrl} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql:...}) and
     * migrates its schema to the current version.
     */
    static Store open(String jdbcUrl, Duration deadline) {
        return open(jdbcUrl, deadline, Ticker.system(), Sleeper.system());
    }

    /** {@link #open(String, Duration)}, timing its retries with {@code ticker} and {@code sleeper} (tests move them). */
    static Store open(String jdbcUrl, Duration deadline, Ticker ticker, Sleeper sleeper) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SqliteStore.open(jdbcUrl, deadline);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return PostgresStore.open(jdbcUrl, deadline, ticker, sleeper);
        }
        throw new IllegalArgumentException("unsupported store URL (use jdbc:sqlite:FILE or jdbc:postgresql:...): " + jdbcUrl);
    }
}
