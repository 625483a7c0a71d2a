package passcom.bench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The transactions measured, shaped like a participant's seat hold in {@code core/.../store/schema.sql}:
 * a new {@code participation} row keyed by the transaction id, and one counter row of {@code segment}
 * (one of {@link #SEGMENTS}) moved. {@link #THREE_STATEMENTS} adds the held seat's own row.
 *
 * <p>The SQL is plain enough for SQLite, H2 and PostgreSQL alike. Stateless and thread-safe.
 */
enum Shape {
    /** Insert one participation row, update one segment counter: two statements. */
    HOLD("hold", false),
    /** As {@link #HOLD}, plus one row of the held seat: three statements. */
    THREE_STATEMENTS("three", true);

    static final int SEGMENTS = 1000;

    private static final String INSERT_PARTICIPATION = "INSERT INTO participation"
            + " (txn, coordinator, kind, state, prepared_at, next_check_at) VALUES (?, 'A', 'PURCHASE', 'PREPARED', ?, ?)";
    private static final String MOVE_SEGMENT = "UPDATE segment SET held = held + 1 WHERE id = ?";
    private static final String INSERT_HOLD = "INSERT INTO hold (txn, segment, seat) VALUES (?, ?, ?)";

    private final String label;
    private final boolean holdsSeatRow;

    Shape(String label, boolean holdsSeatRow) {
        this.label = label;
        this.holdsSeatRow = holdsSeatRow;
    }

    String label() {
        return label;
    }

    static Shape byLabel(String label) {
        for (Shape shape : values()) {
            if (shape.label.equals(label)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + label + "' (hold, three)");
    }

    /**
     * Drops and creates the three tables and fills {@code segment}, in one transaction (in autocommit, the
     * 1000 inserts would be 1000 SQLite commits and 1000 fsyncs, counted against the measured ones).
     */
    static void createSchema(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("participation", "segment", "hold")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
            statement.execute("CREATE TABLE participation (txn VARCHAR(64) PRIMARY KEY, coordinator VARCHAR(16) NOT NULL,"
                    + " kind VARCHAR(12) NOT NULL, state VARCHAR(9) NOT NULL, prepared_at BIGINT NOT NULL,"
                    + " next_check_at BIGINT NOT NULL)");
            statement.execute("CREATE TABLE segment (id INT PRIMARY KEY, held INT NOT NULL)");
            statement.execute("CREATE TABLE hold (txn VARCHAR(64) PRIMARY KEY, segment INT NOT NULL, seat INT NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment (id, held) VALUES (?, 0)")) {
            for (int id = 0; id < SEGMENTS; id++) {
                insert.setInt(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(autoCommit);
    }

    /** Runs this shape's statements on {@code connection}, inside whatever transaction the caller opened. */
    void run(Connection connection, long txn, int segment) throws SQLException {
        String id = txnId(txn);
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PARTICIPATION)) {
            insert.setString(1, id);
            insert.setLong(2, now);
            insert.setLong(3, now + 30_000);
            insert.executeUpdate();
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE_SEGMENT)) {
            move.setInt(1, segment);
            if (move.executeUpdate() != 1) {
                throw new SQLException("segment " + segment + " is missing");
            }
        }
        if (holdsSeatRow) {
            try (PreparedStatement hold = connection.prepareStatement(INSERT_HOLD)) {
                hold.setString(1, id);
                hold.setInt(2, segment);
                hold.setInt(3, (int) (txn % 200));
                hold.executeUpdate();
            }
        }
    }

    /** The same facts as {@link #run} as one log record, for the append-only file. */
    byte[] record(long txn, int segment) {
        String line = txnId(txn) + ",A,PURCHASE,PREPARED," + System.currentTimeMillis() + "," + segment
                + (holdsSeatRow ? "," + (txn % 200) : "") + "\n";
        return line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String txnId(long txn) {
        return "txn-" + txn;
    }
}
