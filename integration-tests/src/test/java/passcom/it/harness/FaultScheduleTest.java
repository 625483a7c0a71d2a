package passcom.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seeded fault plan: replayable, overlapping in the CI configuration, and never overlapping faults that collide. */
class FaultScheduleTest {

    private static final List<String> AIRLINES = FaultHarness.AIRLINES;

    @Test
    void the_same_seed_plans_the_same_faults_and_another_seed_others() {
        long load = HarnessConfig.ci(7).load().toMillis();
        assertThat(FaultSchedule.draw(HarnessConfig.ci(7), AIRLINES, load)).isEqualTo(FaultSchedule.draw(HarnessConfig.ci(7), AIRLINES, load));
        assertThat(FaultSchedule.draw(HarnessConfig.ci(8), AIRLINES, load)).isNotEqualTo(FaultSchedule.draw(HarnessConfig.ci(7), AIRLINES, load));
    }

    @Test
    void in_the_ci_configuration_every_nemesis_kind_is_planned_to_overlap_another_kind_whatever_the_seed() {
        for (long seed = 0; seed < 300; seed++) {
            HarnessConfig config = HarnessConfig.ci(seed);
            List<FaultSchedule.Event> plan = FaultSchedule.draw(config, AIRLINES, config.load().toMillis());
            Set<Nemesis> overlapping = EnumSet.noneOf(Nemesis.class);
            for (FaultSchedule.Event a : plan) {
                for (FaultSchedule.Event b : plan) {
                    if (a.nemesis() != b.nemesis() && overlap(a, b)) {
                        overlapping.add(a.nemesis());
                    }
                }
            }
            assertThat(overlapping).as("kinds overlapping another kind, seed %d: %s", seed, plan).isEqualTo(EnumSet.allOf(Nemesis.class));
        }
    }

    @Test
    void faults_that_share_a_process_a_switch_or_the_links_are_never_planned_at_once_and_never_more_than_the_overlap() {
        for (long seed = 0; seed < 100; seed++) {
            HarnessConfig config = HarnessConfig.longRun(seed);
            List<FaultSchedule.Event> plan = FaultSchedule.draw(config, AIRLINES, 300_000);
            for (FaultSchedule.Event a : plan) {
                long on = plan.stream().filter(b -> b.atMillis() <= a.atMillis() && a.atMillis() < b.atMillis() + b.plannedMillis()).count();
                assertThat(on).as("faults on when %s starts, seed %d", a, seed).isLessThanOrEqualTo(config.overlap());
                for (FaultSchedule.Event b : plan) {
                    if (a != b && overlap(a, b)) {
                        assertThat(Collections.disjoint(FaultSchedule.resources(a, AIRLINES), FaultSchedule.resources(b, AIRLINES)))
                                .as("%s and %s overlap on a shared resource, seed %d", a, b, seed).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void with_an_overlap_of_one_the_faults_follow_one_another() {
        System.setProperty("passcom.harness.overlap", "1");
        try {
            for (long seed = 0; seed < 50; seed++) {
                HarnessConfig config = HarnessConfig.ci(seed);
                List<FaultSchedule.Event> plan = FaultSchedule.draw(config, AIRLINES, config.load().toMillis());
                for (int i = 1; i < plan.size(); i++) {
                    assertThat(plan.get(i).atMillis()).as("seed %d: %s", seed, plan)
                            .isGreaterThanOrEqualTo(plan.get(i - 1).atMillis() + plan.get(i - 1).plannedMillis());
                }
            }
        } finally {
            System.clearProperty("passcom.harness.overlap");
        }
    }

    @Test
    void a_kill_holds_its_servers_process_and_switches_a_whole_federation_kill_all_of_them_and_a_partition_the_links() {
        assertThat(FaultSchedule.resources(new FaultSchedule.Event(0, Nemesis.KILL, "*", "", 1, 0), AIRLINES))
                .containsExactlyInAnyOrder("proc:A", "proc:B", "proc:C", "switch:A", "switch:B", "switch:C");
        assertThat(FaultSchedule.resources(new FaultSchedule.Event(0, Nemesis.PAUSE, "B", "", 1, 0), AIRLINES)).containsExactly("proc:B");
        assertThat(FaultSchedule.resources(new FaultSchedule.Event(0, Nemesis.STORE_FAULT, "B", "disk-full", 1, 0), AIRLINES)).containsExactly("switch:B");
        assertThat(FaultSchedule.resources(new FaultSchedule.Event(0, Nemesis.PARTITION, "A>C", "RESET", 1, 0), AIRLINES)).containsExactly("links");
    }

    @Test
    void with_airline_a_as_two_instances_a_fault_on_a_holds_both_and_collides_with_one_on_a1() {
        java.util.function.Function<String, List<String>> members = target -> switch (target) {
            case "A" -> List.of("A1", "A2");
            case "*" -> List.of("A1", "A2", "B", "C");
            default -> List.of(target);
        };

        assertThat(FaultSchedule.resources(new FaultSchedule.Event(0, Nemesis.PAUSE, "A", "", 1, 0), members))
                .containsExactlyInAnyOrder("proc:A1", "proc:A2");
        assertThat(Collections.disjoint(FaultSchedule.resources(new FaultSchedule.Event(0, Nemesis.KILL, "A", "", 1, 0), members),
                FaultSchedule.resources(new FaultSchedule.Event(0, Nemesis.STORE_FAULT, "A1", "disk-full", 1, 0), members))).isFalse();
        for (long seed = 1; seed <= 50; seed++) {
            HarnessConfig config = HarnessConfig.ci(seed);
            List<FaultSchedule.Event> plan = FaultSchedule.draw(config, List.of("A1", "A2", "B", "C", "A"), members, config.load().toMillis());
            for (FaultSchedule.Event a : plan) {
                for (FaultSchedule.Event b : plan) {
                    if (a != b && overlap(a, b)) {
                        assertThat(Collections.disjoint(FaultSchedule.resources(a, members), FaultSchedule.resources(b, members)))
                                .as("seed %d: %s and %s", seed, a, b).isTrue();
                    }
                }
            }
        }
    }

    private static boolean overlap(FaultSchedule.Event a, FaultSchedule.Event b) {
        return a.atMillis() < b.atMillis() + b.plannedMillis() && b.atMillis() < a.atMillis() + a.plannedMillis();
    }
}
