package passcom.it.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import passcom.core.txn.CrashPoints;

/**
 * The faults of one run, drawn from its seed before the run starts, so that the same seed gives the same
 * faults in the same order with the same targets, variants and durations (the moments they land in the load
 * depend on the machine's timing). Faults follow one another: each is healed before the gap to the next.
 * The first ones go through every chosen nemesis once, in a seeded order, so even a short run uses them all.
 */
public final class FaultSchedule {

    /**
     * One fault. {@code target} is an airline, {@code *} (the whole federation, kills only) or a link
     * {@code X>Y}; {@code variant} the partition mode, crash point or store fault; {@code holdMillis} how long it
     * lasts (a kill: how long the server stays down; a crash point: how long it stays armed at most).
     */
    public record Event(long gapMillis, Nemesis nemesis, String target, String variant, long holdMillis, long delayMillis) {
        @Override
        public String toString() {
            return nemesis.option() + " " + target + (variant.isEmpty() ? "" : " " + variant) + " for " + holdMillis + " ms";
        }
    }

    private static final String[] STORE_FAULTS = {"fail-next", "disk-full", "read-only"};

    private FaultSchedule() {
    }

    /** Enough events for {@code loadMillis}: events are drawn until their gaps and holds fill it twice over. */
    public static List<Event> draw(HarnessConfig config, List<String> airlines, long loadMillis) {
        Random random = new Random(config.seed() ^ 0x5eed_fa17L);
        List<Nemesis> chosen = new ArrayList<>(config.nemeses());
        java.util.Collections.shuffle(chosen, random);
        List<Event> events = new ArrayList<>();
        long planned = 0;
        while (planned < 2 * loadMillis && !chosen.isEmpty()) {
            Nemesis nemesis = events.size() < chosen.size() ? chosen.get(events.size()) : pick(random, config, chosen);
            Event event = event(random, config, nemesis, airlines);
            events.add(event);
            planned += event.gapMillis() + event.holdMillis() + 2_000;
        }
        return events;
    }

    private static Nemesis pick(Random random, HarnessConfig config, List<Nemesis> chosen) {
        if (chosen.contains(Nemesis.KILL) && random.nextDouble() < config.killShare()) {
            return Nemesis.KILL;
        }
        return chosen.get(random.nextInt(chosen.size()));
    }

    private static Event event(Random random, HarnessConfig config, Nemesis nemesis, List<String> airlines) {
        long gap = between(random, config.gapMillis()[0], config.gapMillis()[1]);
        String airline = airlines.get(random.nextInt(airlines.size()));
        return switch (nemesis) {
            case KILL -> new Event(gap, nemesis, random.nextInt(5) == 0 ? "*" : airline, "", between(random, 300, 3_000), 0);
            case PAUSE -> new Event(gap, nemesis, airline, "", between(random, 3_000, 6_000), 0);
            case PARTITION -> {
                LinkProxy.Mode[] modes = {LinkProxy.Mode.DELAY, LinkProxy.Mode.RESET, LinkProxy.Mode.BLACKHOLE, LinkProxy.Mode.CUT_REPLIES};
                LinkProxy.Mode mode = modes[random.nextInt(modes.length)];
                String other = airlines.get((airlines.indexOf(airline) + 1 + random.nextInt(airlines.size() - 1)) % airlines.size());
                String target = random.nextBoolean() ? airline : airline + ">" + other;
                yield new Event(gap, nemesis, target, mode.name(), between(random, 2_000, 6_000), between(random, 300, 2_500));
            }
            case CRASH_POINT -> {
                CrashPoints.Point[] points = CrashPoints.Point.values();
                yield new Event(gap, nemesis, airline, points[random.nextInt(points.length)].name(), 8_000, between(random, 300, 2_000));
            }
            case STORE_FAULT -> new Event(gap, nemesis, airline, STORE_FAULTS[random.nextInt(STORE_FAULTS.length)],
                    between(random, 1_000, 4_000), 0);
        };
    }

    private static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }
}
