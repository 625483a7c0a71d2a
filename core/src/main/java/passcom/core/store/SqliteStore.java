package passcom.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: one SQLite file per airline in WAL mode with {@code synchronous=FULL}, so a
 * commit returns only after the log is fsynced.
 *
 * <p>SQLite has one write lock per file, so writers here do not compete for it: a single writer thread
 * takes every unit of work queued (up to {@link #MAX_BATCH}), runs each inside its own SAVEPOINT (a unit
 * that fails is rolled back alone), and commits the batch with one fsync. That is group commit: under
 * load many transactions share one fsync, and nobody waits for a lock, so nothing can stay locked
 * after a crash (a SQLite lock is an OS file lock; it dies with the process, and an unfinished
 * transaction is simply not in the log). Readers use their own connections and never block the writer.
 *
 * <p>A batch of only {@link #writeUnforced} units commits with {@code synchronous=NORMAL}: in WAL mode that
 * appends to the log without an fsync, and the next FULL commit's fsync covers it (the log is one file,
 * written in order). A batch with any forced unit commits FULL.
 *
 * <p>A lock file beside the database keeps a second process (a second instance of the airline) out:
 * sharing an airline's store between processes is what the PostgreSQL engine is for.
 */
final class SqliteStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    static final int MAX_BATCH = 256;
    private static final int READERS = 4;
    /** Once a unit has started it is waited for this much longer: its batch is committing. */
    private static final Duration COMMIT_GRACE = WriteUnit.COMMIT_GRACE;

    private final Path file;
    private final Duration deadline;
    private final FileChannel lockChannel;
    private final FileLock processLock;
    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final BlockingQueue<WriteUnit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong unforcedBatches = new AtomicLong();
    /** The writer connection's synchronous mode now: FULL (forced) at open. Only the writer thread reads or sets it. */
    private boolean writerForces = true;
    private volatile StoreListener listener = StoreListener.NONE;
    private volatile boolean closed;

    private SqliteStore(Path file, Duration deadline, FileChannel lockChannel, FileLock processLock, Connection writer,
                        BlockingQueue<Connection> readers) {
        this.file = file;
        this.deadline = deadline;
        this.lockChannel = lockChannel;
        this.processLock = processLock;
        this.writer = writer;
        this.readers = readers;
        this.writerThread = new Thread(this::writeLoop, "store-writer-" + file.getFileName());
        this.writerThread.setDaemon(true);
        this.writerThread.start();
    }

    static SqliteStore open(String jdbcUrl, Duration deadline) {
        Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "")).toAbsolutePath();
        Path dir = file.getParent();
        Path name = file.getFileName();
        if (dir == null || name == null) {
            throw new StoreFailure("the store URL " + jdbcUrl + " names no file; give one, e.g. jdbc:sqlite:/var/passcom/A/passcom.db", null);
        }
        FileChannel lockChannel = null;
        try {
            createDirectories(dir);
            lockChannel = FileChannel.open(file.resolveSibling(name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                throw new StoreFailure("the store " + file + " is in use by another process", null);
            }
            SqliteNativeLibrary.useKeptCopy();
            SQLiteDataSource dataSource = dataSource(file, deadline, SQLiteConfig.TransactionMode.IMMEDIATE);
            Migrations.apply(dataSource);
            // The writer stays in JDBC auto-commit mode: the batch's BEGIN IMMEDIATE / COMMIT / ROLLBACK are issued
            // here as SQL, so no driver state can drift from SQLite's after a failed commit (with the driver
            // managing the transaction, a failed COMMIT left it believing in a transaction SQLite had ended, and
            // the next batch's units would each have committed on their own RELEASE).
            Connection writer = PreparedOnce.wrap(dataSource.getConnection());
            // Readers begin DEFERRED: their transaction is a read snapshot and never asks for the write lock.
            SQLiteDataSource readSource = dataSource(file, deadline, SQLiteConfig.TransactionMode.DEFERRED);
            BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
            for (int i = 0; i < READERS; i++) {
                Connection reader = readSource.getConnection();
                try (Statement s = reader.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                }
                reader.setAutoCommit(false);
                readers.add(PreparedOnce.wrap(reader));
            }
            return new SqliteStore(file, deadline, lockChannel, lock, writer, readers);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(lockChannel);
            if (e instanceof StoreFailure failure) {
                throw failure;
            }
            throw new StoreFailure("could not open the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Tolerates another process creating the same folders at the same time (three airlines started at once). */
    private static void createDirectories(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(dir);
                return;
            } catch (IOException e) {
                Path parent = dir.getParent();
                if (attempt == 3 || !Files.isDirectory(parent == null ? dir : parent)) {
                    throw e;
                }
            }
        }
    }

    private static SQLiteDataSource dataSource(Path file, Duration deadline, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) deadline.toMillis());
        config.setTransactionMode(mode);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-4096); // KiB: the working set of a store is small; memory per server matters more
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    @Override
    public <T> T write(Work<T> work) {
        return enqueue(work, true);
    }

    @Override
    public <T> T writeUnforced(Work<T> work) {
        return enqueue(work, false);
    }

    private <T> T enqueue(Work<T> work, boolean forced) {
        if (Thread.currentThread() == writerThread) {
            throw new IllegalStateException("a unit of work may not start another write");
        }
        if (closed) {
            throw new StoreFailure("the store " + file + " is closed", null);
        }
        WriteUnit<T> unit = new WriteUnit<>(work, forced);
        queue.add(unit);
        return unit.await(deadline);
    }

    @Override
    public <T> T read(Work<T> work) {
        Connection reader;
        try {
            reader = readers.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting for the store", e);
        }
        if (reader == null) {
            throw new StoreFailure("no reader of the store " + file + " free within " + deadline.toMillis() + " ms", null);
        }
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new StoreFailure("store read failed: " + e.getMessage(), e);
        } finally {
            try {
                reader.rollback(); // ends the read snapshot
            } catch (SQLException e) {
                LOG.warn("could not end a read transaction: {}", e.toString());
            }
            readers.add(reader);
        }
    }

    private void writeLoop() {
        List<WriteUnit<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                WriteUnit<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                LOG.error("store writer: unexpected failure of a batch", e);
                batch.forEach(u -> u.fail(new StoreFailure("store writer failed: " + e, e)));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(u -> u.fail(new StoreFailure("the store " + file + " is closed", null)));
    }

    private void runBatch(List<WriteUnit<?>> batch) {
        List<WriteUnit<?>> done = new ArrayList<>(batch.size());
        long began = System.nanoTime();
        boolean force = batch.stream().anyMatch(WriteUnit::forced);
        try {
            if (force != writerForces) {
                execute(force ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                writerForces = force;
            }
            execute("BEGIN IMMEDIATE");
            for (WriteUnit<?> unit : batch) {
                if (!unit.start()) {
                    continue; // its caller gave up waiting
                }
                execute("SAVEPOINT unit");
                try {
                    unit.run(writer);
                    execute("RELEASE unit");
                    done.add(unit);
                } catch (Exception e) {
                    execute("ROLLBACK TO unit");
                    execute("RELEASE unit");
                    unit.fail(e);
                }
            }
            if (done.isEmpty()) {
                execute("ROLLBACK");
                return;
            }
            StoreFaults.beforeCommit();
            execute("COMMIT");
            (force ? batches : unforcedBatches).incrementAndGet();
            commits.addAndGet(done.size());
            listener.committed(done.size(), System.nanoTime() - began);
        } catch (SQLException e) {
            try {
                execute("ROLLBACK"); // fails harmlessly when SQLite already rolled back, or never began
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            LOG.error("store {}: commit of {} unit(s) failed; none is acknowledged: {}", file, done.size(), e.toString());
            batch.forEach(u -> u.fail(new StoreFailure("store commit failed: " + e.getMessage(), e)));
            return;
        }
        done.forEach(WriteUnit::complete);
    }

    /** Runs one of the batch's own statements on the writer (each prepared once, {@link PreparedOnce}). */
    private void execute(String sql) throws SQLException {
        try (PreparedStatement statement = writer.prepareStatement(sql)) {
            statement.execute();
        }
    }

    /**
     * Units committed, the forced batches (fsyncs) they took, and the batches committed without one:
     * units / fsyncs is how much group commit and presumed abort save.
     */
    long[] commitsAndBatches() {
        return new long[] {commits.get(), batches.get(), unforcedBatches.get()};
    }

    @Override
    public void observe(StoreListener listener) {
        this.listener = listener;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public Duration deadline() {
        return deadline;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("store {}: {} writes committed in {} batches with an fsync and {} without since it opened", file, commits.get(),
                batches.get(), unforcedBatches.get());
        try {
            writerThread.join(COMMIT_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            writerThread.interrupt();
        }
        closeQuietly(writer);
        readers.forEach(SqliteStore::closeQuietly);
        try {
            processLock.release();
        } catch (IOException e) {
            LOG.warn("could not release the lock of {}: {}", file, e.toString());
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("close: {}", e.toString());
        }
    }
}
