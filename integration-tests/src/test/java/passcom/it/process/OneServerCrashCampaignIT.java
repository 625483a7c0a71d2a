package passcom.it.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import passcom.it.process.Attempt.Outcome;

/**
 * Issue 7, campaign 2: one server killed with SIGKILL under load. Each round starts A, B and C on fresh data, drives
 * {@value CrashCampaign#BUYERS} buyers through every server, kills one at random after 1–3 s, sends every new
 * purchase to the survivors while it is down (2–6 s), then launches it again and stops the load. Every purchase
 * that neither goes through nor names the dead airline and overlaps its outage must be answered 200 or 409 within
 * the client's timeout ({@value CrashCampaign#CLIENT_TIMEOUT_MILLIS} ms); the rest is campaign 1's: time from the
 * launch to the restarted server's first quiet {@code /saude}, unknown outcomes asked again, the audit, every used
 * segment still selling. Rounds: {@code -Dpasscom.crash.rounds} (2 by default).
 */
class OneServerCrashCampaignIT {

    private static final Duration PER_ROUND = Duration.ofSeconds(150);
    private static final int SHOWN = 5;

    private final RandomItineraries itineraries = RandomItineraries.onDefaultNetwork(CrashCampaign.AIRLINES);

    @Test
    void when_one_server_is_killed_under_load_then_purchases_without_it_are_answered_and_it_recovers_quietly() {
        assumeFalse(CrashCampaign.onPostgresqlExecution(), "process servers always run on SQLite: once is enough");
        CampaignReport report = CrashCampaign.run("one-server-kill", PER_ROUND, this::round);
        assertThat(report.failed()).as(report.table()).isZero();
    }

    private void round(CampaignReport.Round round, Path dir, Random random) {
        try (ProcessCluster cluster = ProcessCluster.start(dir, NetworkFile.withDefaultSeats(dir, CrashCampaign.SEATS),
                CrashCampaign.AIRLINES.toArray(String[]::new))) {
            int loadMillis = 1000 + random.nextInt(2001);
            int downMillis = 2000 + random.nextInt(4001);
            String victim = cluster.airlines().get(random.nextInt(cluster.airlines().size()));
            Load load = Load.start(cluster, itineraries, CrashCampaign.BUYERS, random.nextLong(), 0,
                    CrashCampaign.MAX_PURCHASES_PER_ROUND, Duration.ofSeconds(40));
            ProcessCluster.pause(loadMillis);
            load.avoid(victim);
            long killed = System.nanoTime();
            cluster.kill(victim);
            ProcessCluster.pause(downMillis);
            long launched = cluster.launchAgain(victim);
            List<Attempt> attempts = load.stop(CrashCampaign.DRAIN_LIMIT);
            round.purchases = attempts.size();

            List<Attempt> withoutVictim = attempts.stream()
                    .filter(a -> !a.via().equals(victim) && !a.itinerary().involves(victim))
                    .filter(a -> a.startNanos() < launched && a.startNanos() + a.elapsedMillis() * 1_000_000 >= killed)
                    .toList();
            List<Attempt> unanswered = withoutVictim.stream()
                    .filter(a -> !(a.status() == 200 || a.status() == 409 && a.outcome() == Outcome.REFUSED)
                            || a.elapsedMillis() > CrashCampaign.CLIENT_TIMEOUT_MILLIS)
                    .toList();
            round.unanswered = unanswered.size();
            round.scenario = String.format("%s down %d ms after %d ms; %d purchases without it during the outage, slowest %d ms",
                    victim, downMillis, loadMillis, withoutVictim.size(),
                    withoutVictim.stream().mapToLong(Attempt::elapsedMillis).max().orElse(0));

            round.quiet(CrashCampaign.awaitQuiet(cluster, Map.of(victim, launched)));
            List<Attempt> settled = CrashCampaign.reaskUnknown(cluster, attempts, round);
            round.acknowledged = (int) CrashCampaign.count(settled, Outcome.ACKNOWLEDGED);
            Books books = CrashCampaign.audit(cluster, settled, round);
            CrashCampaign.assertEverySegmentStillSells(cluster, books, settled);
            assertThat(unanswered).as("purchases not involving dead %s left unanswered (%d of %d, first %d shown)", victim,
                    unanswered.size(), withoutVictim.size(), SHOWN).isEmpty();
        }
    }
}
