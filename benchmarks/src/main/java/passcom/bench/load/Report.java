package passcom.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The driver's tables: printed per scenario as it finishes, and written as one Markdown section of
 * docs/PERFORMANCE.md between {@link #BEGIN} and {@link #END} (the rest of the file, the analysis, is
 * left as it is; a missing file is created).
 */
final class Report {

    static final String BEGIN = "<!-- bench:begin (written by ./passcom bench; edits here are replaced) -->";
    static final String END = "<!-- bench:end -->";

    private final String command;
    private final String machine = MachineInfo.describe();
    private final String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    private final List<String> notes = new ArrayList<>();
    private final StringBuilder markdown = new StringBuilder();

    Report(String command) {
        this.command = command;
    }

    void note(String line) {
        System.out.println(line);
        notes.add(line);
    }

    void scenario(String title, String setup, List<ClosedLoop.Outcome> outcomes, String extra) {
        StringBuilder text = new StringBuilder("\n== " + title + " (" + setup + ")\n");
        text.append(String.format("%7s %9s %9s %9s %9s %9s %10s %9s  %-28s %-18s %s%n", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "p99 raw", "CPU ms", "statuses", "max RSS MB A/B/C", "load avg"));
        markdown.append("\n### ").append(title).append("\n\n").append(setup).append("\n\n")
                .append("| clients | req/s | p50 ms | p95 ms | p99 ms | max ms | p99 raw ms | server CPU ms/req | statuses | max RSS MB (A/B/C) | load avg (1/5/15 min, before → after) |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        for (ClosedLoop.Outcome o : outcomes) {
            String statuses = statuses(o.statuses());
            String rss = rss(o.maxRssKb());
            String load = o.loadBefore() + " → " + o.loadAfter();
            String cpu = o.cpuMillisPerRequest() < 0 ? "?" : String.format("%.2f", o.cpuMillisPerRequest());
            text.append(String.format("%7d %9.0f %9s %9s %9s %9s %10s %9s  %-28s %-18s %s%n", o.clients(), o.perSecond(),
                    ms(o.corrected().getValueAtPercentile(50)), ms(o.corrected().getValueAtPercentile(95)),
                    ms(o.corrected().getValueAtPercentile(99)), ms(o.corrected().getMaxValue()), ms(o.raw().getValueAtPercentile(99)),
                    cpu, statuses, rss, load));
            markdown.append(String.format("| %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", o.clients(), o.perSecond(),
                    ms(o.corrected().getValueAtPercentile(50)), ms(o.corrected().getValueAtPercentile(95)),
                    ms(o.corrected().getValueAtPercentile(99)), ms(o.corrected().getMaxValue()), ms(o.raw().getValueAtPercentile(99)),
                    cpu, statuses, rss, load));
        }
        if (extra != null && !extra.isEmpty()) {
            text.append(extra).append('\n');
            markdown.append('\n').append(extra).append('\n');
        }
        System.out.print(text);
        System.out.flush();
    }

    /** Replaces the driver's section of {@code file}, keeping everything else. */
    void write(Path file) throws IOException {
        String section = BEGIN + "\n\n## Load driver results\n\n"
                + "- date: " + started + "\n"
                + "- machine: " + machine + " (shared with other builds: see the load averages)\n"
                + "- command: `" + command + "`\n"
                + notes.stream().map(n -> "- " + n + "\n").collect(Collectors.joining())
                + "\nLatencies are corrected for coordinated omission (HdrHistogram, expected interval = the warm-up's median"
                + " at the same client count); \"p99 raw\" is uncorrected. Statuses: HTTP status × count, -1 = no answer."
                + " \"Server CPU ms/req\": user + system CPU of the three server processes over the measured time, per request"
                + " (steadier than req/s when the machine is shared).\n"
                + markdown + "\n" + END;
        String old = Files.exists(file) ? Files.readString(file) : "# Performance\n\n" + BEGIN + "\n" + END + "\n";
        int begin = old.indexOf(BEGIN);
        int end = old.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? old.substring(0, begin) + section + old.substring(end + END.length())
                : old + "\n" + section + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated);
        System.out.println("\nwritten to " + file.toAbsolutePath().normalize());
    }

    private static String statuses(Map<Integer, Long> statuses) {
        return statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String rss(Map<String, Long> maxKb) {
        if (maxKb.isEmpty()) {
            return "?";
        }
        return maxKb.values().stream().map(kb -> Long.toString(Math.round(kb / 1024.0))).collect(Collectors.joining("/"));
    }

    private static String ms(long micros) {
        return micros >= 10_000 ? Long.toString(Math.round(micros / 1000.0)) : String.format("%.1f", micros / 1000.0);
    }
}
