package passcom.it.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run's settings. Two presets, {@link #ci} (20 s of load, all nemeses, in the normal test run) and
 * {@link #longRun} (30 minutes, 200 clients, kills every 5–15 s); every field can be overridden by a system
 * property {@code passcom.harness.<name>} (docs/fault-harness.md lists them).
 *
 * @param seed          drives the fault schedule and every client's choices: the same seed, the same schedule
 * @param load          how long the clients run while the nemeses act
 * @param clients       concurrent customers, each a thread with its own CPF
 * @param seats         seats per segment and airline (few, so legs sell out and seats are given back and reused)
 * @param nemeses       the faults used
 * @param gapMillis     time between the planned starts of two faults, as [min, max]
 * @param killShare     of the faults, the share that are kills (the rest spread over the other nemeses)
 * @param settleLimit   I7: once every server is up and healed, every hold and pending decision must be gone within this
 * @param thinkMillis   a client's pause between two operations, as [min, max]
 */
public record HarnessConfig(long seed, Duration load, int clients, int seats, Set<Nemesis> nemeses, long[] gapMillis,
                            double killShare, Duration settleLimit, long[] thinkMillis) {

    /**
     * 20 s of load (30 s until the suite had to stay under 15 minutes): the plan's first round puts every nemesis on,
     * each overlapping the one before, by 6.9 s (median) and 10.8 s at most over 2,000 seeds ({@link FaultSchedule#draw}),
     * so 20 s still has every kind of fault overlapping another, then random ones: 8.6 faults a run on average (30 s: 11.9).
     */
    public static HarnessConfig ci(long seed) {
        return new HarnessConfig(seed, Duration.ofSeconds(20), 24, 8, EnumSet.allOf(Nemesis.class), new long[] {500, 2_000}, 0.3,
                Duration.ofSeconds(5), new long[] {20, 200}).overridden();
    }

    /**
     * Kills: a fault starting every 2.5–7.5 s (faults overlap, up to {@link #overlap}), more than half of them kills
     * or crash points: the plan has one every 7.7 s on average (p10 3.6 s, p50 6.3 s, p90 13 s over 20 seeds). Clients think
     * 0.5–1.5 s between operations (200 clients offer ~200 requests a second): the first long run, with 20–200 ms,
     * offered ~1,000 a second to three servers on two shared cores, drove the load average to 40 and start-up to 30 s.
     */
    public static HarnessConfig longRun(long seed) {
        return new HarnessConfig(seed, Duration.ofMinutes(31), 200, 12, EnumSet.allOf(Nemesis.class), new long[] {2_500, 7_500}, 0.5,
                Duration.ofSeconds(5), new long[] {500, 1_500}).overridden();
    }

    /** This preset with any {@code passcom.harness.*} system property applied. */
    HarnessConfig overridden() {
        long s = Long.getLong("passcom.harness.seed", seed);
        Duration l = Duration.ofSeconds(Long.getLong("passcom.harness.seconds", load.toSeconds()));
        int c = Integer.getInteger("passcom.harness.clients", clients);
        int st = Integer.getInteger("passcom.harness.seats", seats);
        String n = System.getProperty("passcom.harness.nemeses");
        Set<Nemesis> ns = n == null || n.isBlank() ? nemeses
                : Arrays.stream(n.split(",")).map(Nemesis::ofOption).collect(Collectors.toCollection(() -> EnumSet.noneOf(Nemesis.class)));
        return new HarnessConfig(s, l, c, st, ns, gapMillis, killShare, settleLimit, thinkMillis);
    }

    /**
     * How many faults may be active at once ({@code passcom.harness.overlap}, default 3, both presets; 1 plays them
     * one after another). The seeded {@link FaultSchedule} decides which overlap.
     */
    public int overlap() {
        return Integer.getInteger("passcom.harness.overlap", 3);
    }

    public String describe() {
        return "seed " + seed + ", " + load.toSeconds() + " s of load, " + clients + " clients, " + seats + " seats per leg, nemeses "
                + nemeses.stream().map(Nemesis::option).toList() + ", up to " + overlap() + " at once";
    }
}
