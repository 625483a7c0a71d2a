package passcom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.route.NetworkWriter;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;

/**
 * Runs the driver briefly against three real servers in this JVM over HTTP: every scenario's table is
 * written, with requests counted and the statuses a working federation gives. No timing is asserted.
 */
class LoadDriverSmokeTest {

    @TempDir
    Path dir;

    private final List<PasscomServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(PasscomServer::close);
    }

    @Test
    void when_the_driver_runs_every_scenario_then_each_table_has_answered_requests() throws Exception {
        Path network = NetworkWriter.write(BenchNetworks.plentiful(), dir.resolve("network.json"));
        Map<String, URI> federation = start();
        Path out = dir.resolve("PERFORMANCE.md");
        Files.writeString(out, "# Performance\n\nanalysis kept\n\n" + Report.BEGIN + "\nold\n" + Report.END + "\n\ntail kept\n");

        LoadDriver.run(new String[] {
                "--servers", federation.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
                "--network", network.toString(), "--clients", "1,4", "--duration", "1", "--warmup", "1", "--prewarm", "3",
                "--scenario", "route-default,purchase-1leg,purchase-3airline,contention,mixed", "--out", out.toString()});

        String report = Files.readString(out);
        assertThat(report).contains("analysis kept", "tail kept").doesNotContain("\nold\n");
        assertThat(report).contains("- machine: ", "- command: `", "- date: ");
        for (String title : List.of("route query, 10-city network", "1-leg purchase", "3-airline purchase", "contention", "mixed")) {
            assertThat(report).contains("### " + title);
        }
        Map<String, List<Long>> requests = rowsPerScenario(report);
        assertThat(requests).hasSize(5);
        // One row per client count; a row may be empty on a saturated machine (one cold request can outlast a
        // short cell), but every scenario got answers.
        requests.forEach((scenario, answers) -> {
            assertThat(answers).as(scenario).hasSize(2);
            assertThat(answers.stream().mapToLong(Long::longValue).sum()).as(scenario).isPositive();
        });
        // A working federation on plentiful seats sells; the contention runs sell at most the scarce seats.
        assertThat(section(report, "1-leg purchase")).contains("| 200×");
        Matcher sold = Pattern.compile("sold (\\d+) \\(200\\)").matcher(section(report, "contention"));
        List<Integer> soldPerRun = new ArrayList<>();
        while (sold.find()) {
            soldPerRun.add(Integer.parseInt(sold.group(1)));
        }
        assertThat(soldPerRun).hasSize(2).allMatch(n -> n >= 1 && n <= BenchNetworks.SCARCE_SEATS);
        assertThat(section(report, "mixed")).doesNotContain("-1×").contains("errors other than 409: 0");
    }

    private Map<String, URI> start() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String id : List.of("A", "B", "C")) {
            ports.put(id, freePort());
        }
        Map<String, URI> uris = new LinkedHashMap<>();
        for (String airline : ports.keySet()) {
            Map<String, URI> peers = new TreeMap<>();
            ports.forEach((id, port) -> {
                if (!id.equals(airline)) {
                    peers.put(id, URI.create("http://127.0.0.1:" + port));
                }
            });
            ServerConfig config = ServerConfig.forTest(airline, dir.resolve(airline)).withPort(ports.get(airline)).withPeers(peers);
            PasscomServer server = PasscomServer.create(config, BenchNetworks.plentiful()).start();
            servers.add(server);
            uris.put(airline, server.uri());
        }
        return uris;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each scenario's rows: how many answers the statuses column counts (req/s is rounded, and a loaded machine may round it to 0). */
    private static Map<String, List<Long>> rowsPerScenario(String report) {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        String current = null;
        Pattern count = Pattern.compile("×(\\d+)");
        for (String line : report.split("\n")) {
            if (line.startsWith("### ")) {
                current = line.substring(4);
                rows.put(current, new ArrayList<>());
            }
            String[] cells = line.split("\\|");
            if (current != null && cells.length > 9 && cells[1].strip().matches("\\d+")) {
                Matcher m = count.matcher(cells[9]);
                long answers = 0;
                while (m.find()) {
                    answers += Long.parseLong(m.group(1));
                }
                rows.get(current).add(answers);
            }
        }
        return rows;
    }

    private static String section(String report, String title) {
        int start = report.indexOf("### " + title);
        int next = report.indexOf("### ", start + 4);
        return report.substring(start, next < 0 ? report.length() : next);
    }
}
