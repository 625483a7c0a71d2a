package passcom.it.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import passcom.it.process.Attempt.Outcome;

/**
 * Issue 7, campaign 1: the whole federation killed with SIGKILL mid-load and restarted on the same data. Each round
 * starts A, B and C as processes on fresh data, drives {@value CrashCampaign#BUYERS} buyers of random 1–3-leg
 * itineraries through every server, kills all three at once after 1–4 s, launches all three again on their data
 * folders, and measures for each the time from its launch to its first {@code /saude} with no open hold and no
 * pending transaction. Then every unknown outcome is asked again with its {@code id_pedido}, the books are audited
 * against what every customer was told, and every segment the round used must still sell. Rounds:
 * {@code -Dpasscom.crash.rounds} (2 by default).
 */
class WholeFederationCrashCampaignIT {

    private static final Duration PER_ROUND = Duration.ofSeconds(150);

    private final RandomItineraries itineraries = RandomItineraries.onDefaultNetwork(CrashCampaign.AIRLINES);

    @Test
    void when_every_server_is_killed_mid_load_and_restarted_on_its_data_then_each_goes_quiet_and_the_books_hold() {
        assumeFalse(CrashCampaign.onPostgresqlExecution(), "process servers always run on SQLite: once is enough");
        CampaignReport report = CrashCampaign.run("whole-federation-kill", PER_ROUND, this::round);
        assertThat(report.failed()).as(report.table()).isZero();
    }

    private void round(CampaignReport.Round round, Path dir, Random random) {
        try (ProcessCluster cluster = ProcessCluster.start(dir, NetworkFile.withDefaultSeats(dir, CrashCampaign.SEATS),
                CrashCampaign.AIRLINES.toArray(String[]::new))) {
            int loadMillis = 1000 + random.nextInt(3001);
            Load load = Load.start(cluster, itineraries, CrashCampaign.BUYERS, random.nextLong(), 0,
                    CrashCampaign.MAX_PURCHASES_PER_ROUND, Duration.ofSeconds(30));
            ProcessCluster.pause(loadMillis);
            cluster.killTogether(cluster.airlines());
            List<Attempt> attempts = load.stop(CrashCampaign.DRAIN_LIMIT);
            round.purchases = attempts.size();
            round.scenario = "kill all after " + loadMillis + " ms; in flight (unknown) "
                    + CrashCampaign.count(attempts, Outcome.UNKNOWN);

            Map<String, Long> launched = new LinkedHashMap<>();
            cluster.airlines().forEach(a -> launched.put(a, cluster.launchAgain(a)));
            round.quiet(CrashCampaign.awaitQuiet(cluster, launched));

            List<Attempt> settled = CrashCampaign.reaskUnknown(cluster, attempts, round);
            round.acknowledged = (int) CrashCampaign.count(settled, Outcome.ACKNOWLEDGED);
            Books books = CrashCampaign.audit(cluster, settled, round);
            CrashCampaign.assertEverySegmentStillSells(cluster, books, settled);
        }
    }
}
