package passcom.it.harness;

/**
 * The faults the harness can inject, each a named option of {@code -Dpasscom.harness.nemeses=kill,pause,...}
 * (any set; all by default). Every fault is switched on and later healed by the run's {@link FaultSchedule}.
 */
public enum Nemesis {
    /** {@code kill -9} of one random server, or of the whole federation at once; restarted after a random pause. */
    KILL,
    /** SIGSTOP of one server for longer than the protocol's timeouts (3–6 s against a 2 s peer timeout), then SIGCONT. */
    PAUSE,
    /**
     * A TCP proxy on every server-to-server link ({@link LinkProxy}): for a while, one link or every link of one
     * airline delays each chunk, resets connections, black-holes them, or cuts one direction (replies lost).
     */
    PARTITION,
    /**
     * A named step inside the protocol ({@code passcom.core.txn.CrashPoints.Point}) is armed on one server, which
     * halts there the next time a transaction reaches it (as kill -9 at exactly that step); restarted after a pause.
     */
    CRASH_POINT,
    /**
     * The server's store fails: only its next commit, or every commit while "disk full" or "read-only" lasts
     * ({@code passcom.core.store.StoreFaults}). The server must answer 503 and acknowledge nothing meanwhile.
     */
    STORE_FAULT;

    /** The option's spelling: {@code crash-point} for {@link #CRASH_POINT}. */
    public String option() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Nemesis ofOption(String option) {
        for (Nemesis n : values()) {
            if (n.option().equals(option.strip().toLowerCase())) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown nemesis '" + option + "'; the nemeses are kill, pause, partition, crash-point, store-fault");
    }
}
