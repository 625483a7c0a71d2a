package passcom.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child process of {@link KillMidWrite}: commits transactions 1, 2, 3, … each writing one row to
 * {@code part_a} and one to {@code part_b}, and prints {@code ack N} on standard output only after the
 * commit of {@code N} returned. It never ends by itself; the parent kills it with SIGKILL.
 *
 * <p>It also leaves a write transaction open for the kill to interrupt:
 * <ul>
 *   <li>{@code holding} mode: after {@code holdAfter} acknowledgements, one transaction writes
 *       {@link #GHOSTS} rows to each table with ids from {@link #GHOST_BASE} (enough to spill pages to the
 *       file before commit), sets every {@code lockrow} to -1, prints {@code holding} and waits, uncommitted.
 *   <li>{@code writing} mode: the loop runs until the kill. For H2 a second connection first sets every
 *       {@code lockrow} to -1 and keeps that transaction open (H2 locks rows, so the loop goes on beside
 *       it) and prints {@code locked}; SQLite has one write lock, so there the open transaction at the kill
 *       is whichever commit the loop was in.
 * </ul>
 */
public final class AcknowledgingWriter {

    static final long GHOST_BASE = 1_000_000_000L;
    static final int GHOSTS = 3_000;
    static final int LOCK_ROWS = 10;
    private static final String PAYLOAD = "x".repeat(200);

    private AcknowledgingWriter() {}

    /** Arguments: {@code sqlite|h2}, the folder, {@code writing|holding}, holdAfter. */
    public static void main(String[] args) throws Exception {
        String engine = args[0];
        Path dir = Path.of(args[1]);
        boolean holding = args[2].equals("holding");
        long holdAfter = Long.parseLong(args[3]);
        try (Connection connection = connect(engine, dir)) {
            createSchema(connection);
            Connection locker = null;
            if (!holding && engine.equals("h2")) {
                locker = connect(engine, dir);
                locker.setAutoCommit(false);
                lockRows(locker);
                acknowledge("locked");
            }
            for (long id = 1; ; id++) {
                begin(connection, engine);
                insertPair(connection, id);
                commit(connection, engine);
                acknowledge("ack " + id);
                if (holding && id == holdAfter) {
                    begin(connection, engine);
                    for (long ghost = GHOST_BASE; ghost < GHOST_BASE + GHOSTS; ghost++) {
                        insertPair(connection, ghost);
                    }
                    lockRows(connection);
                    acknowledge("holding");
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
        }
    }

    static Connection connect(String engine, Path dir) throws SQLException {
        return switch (engine) {
            case "sqlite" -> SqliteWalFull.connect("jdbc:sqlite:" + dir.resolve("store.db"));
            case "h2" -> DriverManager.getConnection(H2File.url(dir.resolve("h2")), "sa", "");
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }

    /** SQLite: an explicit BEGIN IMMEDIATE, as {@link SqliteWalFull} does; H2: autocommit off. */
    private static void begin(Connection connection, String engine) throws SQLException {
        if (engine.equals("sqlite")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
            }
        } else {
            connection.setAutoCommit(false);
        }
    }

    private static void commit(Connection connection, String engine) throws SQLException {
        if (engine.equals("sqlite")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        } else {
            connection.commit();
        }
    }

    private static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE part_a (id BIGINT PRIMARY KEY, payload VARCHAR(300) NOT NULL)");
            statement.execute("CREATE TABLE part_b (id BIGINT PRIMARY KEY, payload VARCHAR(300) NOT NULL)");
            statement.execute("CREATE TABLE lockrow (id INT PRIMARY KEY, v INT NOT NULL)");
            for (int i = 1; i <= LOCK_ROWS; i++) {
                statement.execute("INSERT INTO lockrow (id, v) VALUES (" + i + ", 0)");
            }
        }
    }

    private static void insertPair(Connection connection, long id) throws SQLException {
        for (String table : new String[] {"part_a", "part_b"}) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, payload) VALUES (?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, PAYLOAD);
                insert.executeUpdate();
            }
        }
    }

    private static void lockRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE lockrow SET v = -1");
        }
    }

    private static void acknowledge(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
