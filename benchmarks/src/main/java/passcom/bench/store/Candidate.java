package passcom.bench.store;

/**
 * One storage engine set up the way the store would use it, measured by {@link CommitRate}.
 *
 * <p>{@link #writer()} is called once per writer thread; each {@link Writer} is used by that thread only.
 * {@link Writer#commit} returns once the engine has acknowledged the transaction: durable on disk for
 * every candidate except H2, which writes to the OS without fsync (docs/history/storage-candidates.md).
 */
interface Candidate extends AutoCloseable {

    /** One thread's way in. */
    interface Writer extends AutoCloseable {
        /** Runs the shape's transaction for {@code txn} on {@code segment} and commits it. */
        void commit(long txn, int segment) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    Writer writer() throws Exception;

    /** Something to print beside the numbers, such as the mean batch of a group commit; may be empty. */
    default String note() {
        return "";
    }
}
