package passcom.bench.store;

import java.nio.file.Path;

/** The engines {@link CommitRate} knows, by the names used on its command line and in its tables. */
enum Engine {
    SQLITE_WAL_FULL("sqlite-wal-full"),
    SQLITE_GROUP_COMMIT("sqlite-group-commit"),
    POSTGRESQL("postgresql"),
    H2("h2"),
    APPEND_ONLY_FILE("append-only-file");

    /** Most units one group commit batch carries. */
    static final int MAX_BATCH = 256;

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Engine byLabel(String label) {
        for (Engine engine : values()) {
            if (engine.label.equals(label)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + label + "'");
    }

    /** Opens a fresh store in the empty folder {@code dir} (PostgreSQL: at {@code pgUrl}, tables recreated). */
    Candidate open(Path dir, Shape shape, String pgUrl) throws Exception {
        return switch (this) {
            case SQLITE_WAL_FULL -> new SqliteWalFull(dir.resolve("store.db"), shape);
            case SQLITE_GROUP_COMMIT -> new SqliteGroupCommit(dir.resolve("store.db"), shape, MAX_BATCH);
            case POSTGRESQL -> new PostgresPool(pgUrl, shape);
            case H2 -> new H2File(dir, shape);
            case APPEND_ONLY_FILE -> new AppendOnlyFile(dir.resolve("store.log"), shape, MAX_BATCH);
        };
    }
}
