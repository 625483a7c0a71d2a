package passcom.it.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import passcom.core.txn.CrashPoints;

/**
 * The faults of one run, drawn from its seed before the run starts, so that the same seed gives the same
 * faults in the same order, with the same planned start times, targets, variants and durations (how they
 * land in the load still depends on the machine's timing).
 *
 * <p>Faults overlap: up to {@link HarnessConfig#overlap()} are planned to be active at once, and the plan
 * decides which. Two faults that would undo or confuse each other never overlap: each fault occupies
 * {@link #resources} (a server's process, its fault switches, the link proxies), and a fault is planned to
 * start only once the ones holding its resources are planned to have ended (the {@link NemesisRunner}
 * enforces the same rule at run time, in case a fault takes longer than planned). So a server being
 * killed or relaunched is never paused, a partition is never healed by another, a crash point is never
 * armed on a server that is down, and a relaunch (which clears the switches) never silently ends a store
 * fault. The first faults go through every chosen nemesis once, each on targets that do not collide and
 * each starting before the previous one ends, so even a short run has every kind overlapping another.
 */
public final class FaultSchedule {

    /**
     * One fault, starting {@code atMillis} after the nemeses start. {@code target} is an airline, {@code *} (the
     * whole federation, kills only) or a link {@code X>Y}; {@code variant} the partition mode, crash point or store
     * fault; {@code holdMillis} how long it lasts (a kill: how long the server stays down; a crash point: how long
     * it stays armed at most); {@code delayMillis} a partition's delay, or how long a halted server stays down.
     */
    public record Event(long atMillis, Nemesis nemesis, String target, String variant, long holdMillis, long delayMillis) {
        @Override
        public String toString() {
            return "at " + atMillis + " ms " + nemesis.option() + " " + target + (variant.isEmpty() ? "" : " " + variant) + " for " + holdMillis + " ms";
        }

        /** How long the plan expects the fault to occupy its resources: its hold, plus a relaunch's start-up. */
        long plannedMillis() {
            return switch (nemesis) {
                case KILL -> holdMillis + START_UP_MILLIS;
                case CRASH_POINT -> holdMillis + delayMillis + START_UP_MILLIS;
                default -> holdMillis;
            };
        }
    }

    /** What the plan allows a relaunched server to start in (on an idle machine it takes 0.5–1 s). */
    static final long START_UP_MILLIS = 2_000;

    private static final String[] STORE_FAULTS = {"fail-next", "disk-full", "read-only"};

    private FaultSchedule() {
    }

    /**
     * What a fault occupies while it lasts: {@code proc:X} (X's process: killed, relaunched, paused, halting at a
     * crash point), {@code switch:X} (X's fault switch files: a relaunch and a crash point's heal clear them all),
     * {@code links} (the link proxies: a partition's heal puts every link back).
     */
    static Set<String> resources(Event event, List<String> servers) {
        return resources(event, onlyServers(servers));
    }

    /**
     * The same, where {@code members} names the processes a target stands for (an airline with two instances:
     * both, {@code *}: every one), so that a fault on A1 and one on A (A1 and A2) are seen to collide.
     */
    static Set<String> resources(Event event, Function<String, List<String>> members) {
        Set<String> used = new HashSet<>();
        switch (event.nemesis()) {
            case KILL, CRASH_POINT -> members.apply(event.target()).forEach(s -> {
                used.add("proc:" + s);
                used.add("switch:" + s);
            });
            case PAUSE -> members.apply(event.target()).forEach(s -> used.add("proc:" + s));
            case STORE_FAULT -> members.apply(event.target()).forEach(s -> used.add("switch:" + s));
            case PARTITION -> used.add("links");
        }
        return used;
    }

    /** Members where every target is one process and {@code *} all of {@code servers}. */
    private static Function<String, List<String>> onlyServers(List<String> servers) {
        return target -> target.equals("*") ? servers : List.of(target);
    }

    /** Events planned to start within {@code loadMillis}. */
    public static List<Event> draw(HarnessConfig config, List<String> airlines, long loadMillis) {
        return draw(config, airlines, onlyServers(airlines), loadMillis);
    }

    /** The same, over {@code targets}, each standing for the processes {@code members} names. */
    public static List<Event> draw(HarnessConfig config, List<String> airlines, Function<String, List<String>> members, long loadMillis) {
        Random random = new Random(config.seed() ^ 0x5eed_fa17L);
        int overlap = Math.max(1, config.overlap());
        List<Nemesis> chosen = new ArrayList<>(config.nemeses());
        Collections.shuffle(chosen, random);
        List<String> firstTargets = new ArrayList<>(airlines);
        Collections.shuffle(firstTargets, random);
        List<Event> events = new ArrayList<>();
        long previousStart = 0;
        while (!chosen.isEmpty()) {
            boolean firstRound = events.size() < chosen.size();
            Nemesis nemesis = firstRound ? chosen.get(events.size()) : pick(random, config, chosen);
            Event drawn = event(random, config, nemesis, firstRound ? firstTarget(nemesis, firstTargets) : null, airlines);
            long gap = between(random, config.gapMillis()[0], config.gapMillis()[1]);
            if (firstRound && !events.isEmpty()) {
                // start while the previous first-round fault is still on, so every kind overlaps another
                Event previous = events.get(events.size() - 1);
                gap = Math.min(gap, previous.plannedMillis() / 2);
            }
            long at = earliestStart(events, drawn, previousStart + gap, overlap, members);
            if (at >= loadMillis) {
                break;
            }
            Event event = new Event(at, drawn.nemesis(), drawn.target(), drawn.variant(), drawn.holdMillis(), drawn.delayMillis());
            events.add(event);
            previousStart = overlap == 1 ? at + event.plannedMillis() : at;
        }
        return events;
    }

    /**
     * The first moment from {@code from} at which fewer than {@code overlap} planned faults are active and none of
     * them holds a resource {@code event} needs.
     */
    private static long earliestStart(List<Event> planned, Event event, long from, int overlap, Function<String, List<String>> members) {
        Set<String> needs = resources(event, members);
        long at = from;
        while (true) {
            long t = at;
            List<Event> active = planned.stream().filter(e -> e.atMillis() <= t && t < e.atMillis() + e.plannedMillis()).toList();
            List<Event> blocking = active.size() >= overlap ? active
                    : active.stream().filter(e -> !Collections.disjoint(resources(e, members), needs)).toList();
            if (blocking.isEmpty()) {
                return at;
            }
            at = blocking.stream().mapToLong(e -> e.atMillis() + e.plannedMillis()).min().orElseThrow();
        }
    }

    /**
     * First-round targets that never collide: kill, crash point and pause each on a server of its own (three
     * airlines, three process faults), the store fault on the paused one (pause and store fault share nothing).
     */
    private static String firstTarget(Nemesis nemesis, List<String> shuffled) {
        return switch (nemesis) {
            case KILL -> shuffled.get(0);
            case CRASH_POINT -> shuffled.get(1 % shuffled.size());
            case PAUSE, STORE_FAULT, PARTITION -> shuffled.get(2 % shuffled.size());
        };
    }

    private static Nemesis pick(Random random, HarnessConfig config, List<Nemesis> chosen) {
        if (chosen.contains(Nemesis.KILL) && random.nextDouble() < config.killShare()) {
            return Nemesis.KILL;
        }
        return chosen.get(random.nextInt(chosen.size()));
    }

    /** One fault with its start left at 0; {@code fixed} a first-round target (no whole-federation kill then), else drawn. */
    private static Event event(Random random, HarnessConfig config, Nemesis nemesis, String fixed, List<String> airlines) {
        String drawnAirline = airlines.get(random.nextInt(airlines.size()));
        String airline = fixed != null ? fixed : drawnAirline;
        boolean wholeFederation = random.nextInt(5) == 0 && fixed == null;
        return switch (nemesis) {
            case KILL -> new Event(0, nemesis, wholeFederation ? "*" : airline, "", between(random, 300, 3_000), 0);
            case PAUSE -> new Event(0, nemesis, airline, "", between(random, 3_000, 6_000), 0);
            case PARTITION -> {
                LinkProxy.Mode[] modes = {LinkProxy.Mode.DELAY, LinkProxy.Mode.RESET, LinkProxy.Mode.BLACKHOLE, LinkProxy.Mode.CUT_REPLIES};
                LinkProxy.Mode mode = modes[random.nextInt(modes.length)];
                String other = airlines.get((airlines.indexOf(airline) + 1 + random.nextInt(airlines.size() - 1)) % airlines.size());
                String target = random.nextBoolean() ? airline : airline + ">" + other;
                yield new Event(0, nemesis, target, mode.name(), between(random, 2_000, 6_000), between(random, 300, 2_500));
            }
            case CRASH_POINT -> {
                CrashPoints.Point[] points = CrashPoints.Point.values();
                yield new Event(0, nemesis, airline, points[random.nextInt(points.length)].name(), 8_000, between(random, 300, 2_000));
            }
            case STORE_FAULT -> new Event(0, nemesis, airline, STORE_FAULTS[random.nextInt(STORE_FAULTS.length)],
                    between(random, 1_000, 4_000), 0);
        };
    }

    private static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }
}
