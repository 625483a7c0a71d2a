package passcom.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a measurement was taken on: cores, memory, JDK, and how busy the machine was. */
final class MachineInfo {

    private MachineInfo() {
    }

    /** The 1, 5 and 15 minute load averages, e.g. "2.31 1.80 1.65", or "?" off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory() + " RAM, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "? GiB";
    }
}
