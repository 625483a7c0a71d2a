package passcom.core.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SQLite connection that prepares each SQL text once: {@code prepareStatement(sql)} hands out the statement
 * it prepared the first time it saw {@code sql}, and that statement's {@code close()} only ends its use (closes
 * its result set, which resets it, and clears its parameters) so the next caller reuses it.
 *
 * <p>Why: sqlite-jdbc has no statement cache, and parsing and planning the same few dozen statements again for
 * every purchase was 7–8 % of the federation's CPU in the purchase profile (docs/PERFORMANCE.md). PostgreSQL's
 * driver caches its own, so only {@link SqliteStore} wraps its connections in this.
 *
 * <p>Threading: like the connection it wraps, one thread at a time (the store's writer thread, or the thread
 * that took a reader from the store's queue: that hand-off publishes the cache to the next thread). The units of
 * work keep their {@code try (PreparedStatement ...)} blocks; the same statement is never open twice at once
 * in them (a unit that prepares a text while its earlier statement of that text is still open gets a fresh,
 * uncached one). At most {@link #MAX} texts are kept per connection; the least recently used is closed.
 */
final class PreparedOnce implements InvocationHandler {

    static final int MAX = 128;

    private final Connection connection;
    private final Map<String, Cached> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            if (size() <= MAX) {
                return false;
            }
            eldest.getValue().evict();
            return true;
        }
    };

    private PreparedOnce(Connection connection) {
        this.connection = connection;
    }

    /** {@code connection}, preparing each SQL text once; closing the result closes {@code connection} and every statement. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(PreparedOnce.class.getClassLoader(), new Class<?>[] {Connection.class},
                new PreparedOnce(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") && args != null && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (name.equals("close")) {
            statements.values().forEach(Cached::closeForGood);
            statements.clear();
        }
        return forward(connection, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Cached cached = statements.get(sql);
        if (cached == null) {
            cached = new Cached(connection.prepareStatement(sql));
            statements.put(sql, cached);
        } else if (cached.inUse) {
            return connection.prepareStatement(sql);
        }
        cached.inUse = true;
        return cached.view;
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A prepared statement and the view of it the units see, whose {@code close()} gives it back instead. */
    private static final class Cached implements InvocationHandler {
        private final PreparedStatement statement;
        private final PreparedStatement view;
        private ResultSet results;
        private boolean inUse;
        private boolean evicted;

        Cached(PreparedStatement statement) {
            this.statement = statement;
            this.view = (PreparedStatement) Proxy.newProxyInstance(PreparedOnce.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    giveBack();
                    return null;
                }
                case "isClosed" -> {
                    return !inUse || statement.isClosed();
                }
                case "executeQuery" -> {
                    results = (ResultSet) forward(statement, method, args);
                    return results;
                }
                default -> {
                    return forward(statement, method, args);
                }
            }
        }

        /**
         * Resets the statement (closing its result set does) and clears what was bound and batched, for the next
         * caller; closes it for good if it was evicted while in use.
         */
        private void giveBack() throws SQLException {
            if (!inUse) {
                return;
            }
            inUse = false;
            if (evicted) {
                closeForGood();
                return;
            }
            try {
                if (results != null) {
                    results.close();
                }
                statement.clearParameters();
                statement.clearBatch();
            } finally {
                results = null;
            }
        }

        /** Out of the cache: closed now, or when its current user gives it back. */
        void evict() {
            evicted = true;
            if (!inUse) {
                closeForGood();
            }
        }

        void closeForGood() {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection is closing or the statement is gone: nothing is left to free
            }
        }
    }
}
