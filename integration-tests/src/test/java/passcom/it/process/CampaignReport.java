package passcom.it.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The table a crash campaign prints: one line per round (passed or the first line of its failure), then the
 * totals the bar is stated in — rounds passed/failed, p50/p99/max time-to-quiet after restart (nearest
 * rank), acknowledged bookings audited, and purchases not involving a dead airline left unanswered. Not
 * thread-safe: the campaign's own thread fills it.
 */
final class CampaignReport {

    /** One round's numbers, filled in as the round gets through its steps; {@code failure} stays null if it passes. */
    static final class Round {
        final int number;
        final long seed;
        String scenario = "";
        int purchases;
        int acknowledged;
        int unknownReasked;
        int audited;
        int unanswered;
        final Map<String, Long> quietMillis = new TreeMap<>();
        /** Milliseconds from launch to the first {@code /saude} answer: the JVM's start-up, before any recovery shows. */
        final Map<String, Long> servingMillis = new TreeMap<>();

        void quiet(Map<String, CrashCampaign.Quiet> quiet) {
            quiet.forEach((airline, q) -> {
                quietMillis.put(airline, q.quietMillis());
                servingMillis.put(airline, q.servingMillis());
            });
        }
        String failure;

        Round(int number, long seed) {
            this.number = number;
            this.seed = seed;
        }
    }

    private final String campaign;
    private final List<Round> rounds = new ArrayList<>();

    CampaignReport(String campaign) {
        this.campaign = campaign;
    }

    void add(Round round) {
        rounds.add(round);
    }

    long failed() {
        return rounds.stream().filter(r -> r.failure != null).count();
    }

    long unanswered() {
        return rounds.stream().mapToLong(r -> r.unanswered).sum();
    }

    List<Long> quietSamples() {
        return rounds.stream().flatMap(r -> r.quietMillis.values().stream()).sorted().toList();
    }

    /** Nearest-rank percentile of the sorted samples; -1 when there are none. */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    String table() {
        StringBuilder out = new StringBuilder("\n#### ").append(campaign).append("\n\n")
                .append("| round | seed | scenario | purchases | acked | unknown re-asked | audited | time-to-quiet ms | unanswered | result |\n")
                .append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
        for (Round r : rounds) {
            String quiet = r.quietMillis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()
                            + " (serving " + r.servingMillis.get(e.getKey()) + ")")
                    .collect(Collectors.joining(", "));
            out.append(String.format("| %d | %d | %s | %d | %d | %d | %d | %s | %d | %s |%n", r.number, r.seed, r.scenario,
                    r.purchases, r.acknowledged, r.unknownReasked, r.audited, quiet, r.unanswered,
                    r.failure == null ? "pass" : "FAIL: " + r.failure.lines().findFirst().orElse("").replace('|', '/')));
        }
        List<Long> quiet = quietSamples();
        List<Long> serving = rounds.stream().flatMap(r -> r.servingMillis.values().stream()).sorted().toList();
        List<Long> afterServing = rounds.stream().flatMap(r -> r.quietMillis.keySet().stream()
                .map(a -> r.quietMillis.get(a) - r.servingMillis.get(a))).sorted().toList();
        out.append(String.format("%nrounds %d: passed %d, failed %d; time-to-quiet after restart (%d samples) p50 %d ms, "
                        + "p99 %d ms, max %d ms (start-up to first answer p50 %d ms, p99 %d ms; first answer to quiet p50 %d ms, "
                        + "p99 %d ms, max %d ms); acknowledged bookings audited %d; unanswered non-involving purchases %d%n",
                rounds.size(), rounds.size() - failed(), failed(), quiet.size(), percentile(quiet, 50), percentile(quiet, 99),
                quiet.isEmpty() ? -1 : quiet.get(quiet.size() - 1),
                percentile(serving, 50), percentile(serving, 99), percentile(afterServing, 50), percentile(afterServing, 99),
                afterServing.isEmpty() ? -1 : afterServing.get(afterServing.size() - 1),
                rounds.stream().mapToLong(r -> r.audited).sum(), unanswered()));
        return out.toString();
    }
}
