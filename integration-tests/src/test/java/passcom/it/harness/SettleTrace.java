package passcom.it.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What is still open in every store while the federation settles after the faults (I7), by kind and once a
 * second: seats held, participations prepared, coordinator transactions undecided, decisions undelivered. Read
 * live and read-only through {@link StoreState#openCounts}, so an airline on PostgreSQL is read as its database
 * and one on SQLite as its file. Where a slow settle comes from shows in how each count drains: holds waiting
 * for the hold resolver, or an outbox waiting for deliveries.
 */
final class SettleTrace {

    private static final long EVERY_MILLIS = 1_000;

    private final List<String> airlines;
    private final UnaryOperator<String> liveStoreUrl;
    private final long start = System.currentTimeMillis();
    private final List<String> lines = new ArrayList<>();
    private long last = -EVERY_MILLIS;

    SettleTrace(Federation federation) {
        this(federation.airlines(), federation::liveStoreUrl);
    }

    /** {@code liveStoreUrl}: each airline's store as a JDBC URL, read while its servers run. */
    SettleTrace(List<String> airlines, UnaryOperator<String> liveStoreUrl) {
        this.airlines = List.copyOf(airlines);
        this.liveStoreUrl = liveStoreUrl;
    }

    /** Samples the stores if a second has passed since the last sample (or {@code force}). */
    void sample(boolean force) {
        long t = System.currentTimeMillis() - start;
        if (!force && t - last < EVERY_MILLIS) {
            return;
        }
        last = t;
        StringBuilder line = new StringBuilder(t + " ms:");
        for (String airline : airlines) {
            line.append(" ").append(airline).append(" ").append(counts(airline)).append(";");
        }
        lines.add(line.toString());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private String counts(String airline) {
        try {
            return StoreState.openCounts(liveStoreUrl.apply(airline)).toString();
        } catch (IllegalStateException e) {
            // the SQL error only: a PostgreSQL URL may carry a password, and this line goes into result.md
            return "(not readable: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + ")";
        }
    }
}
