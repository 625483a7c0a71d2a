package passcom.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import passcom.server.PasscomServer;
import passcom.server.ServerConfig;
import passcom.server.http.LogContextFilter;

/**
 * Two real servers (A coordinates, B takes part) over HTTP: what /metrics shows after a purchase and a
 * sold-out attempt, that it is only on the admin port, and that every line of a purchase names its
 * transaction on both airlines.
 */
class ObservabilityTest {

    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "passcom-dashboard.json");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String BUY = "{\"cpf\":\"529.982.247-25\",\"caminho\":[[\"A\",\"B\"],[\"São Paulo\",\"Curitiba\",\"Florianópolis\"]]}";

    @TempDir
    Path dir;
    private PasscomServer a;
    private PasscomServer b;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger requestLog = (Logger) LoggerFactory.getLogger(LogContextFilter.class);
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() {
        b = PasscomServer.create(ServerConfig.forTest("B", dir.resolve("B"))).start();
        a = PasscomServer.create(ServerConfig.forTest("A", dir.resolve("A")).withPeers(Map.of("B", b.uri()))).start();
        lines.start();
        root.addAppender(lines);
        requestLog.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        root.detachAppender(lines);
        requestLog.setLevel(null);
        a.close();
        b.close();
    }

    @Test
    void when_a_purchase_commits_then_metrics_count_it_its_requests_its_commits_and_the_peer_is_up() throws Exception {
        assertThat(post(a.uri(), "/comprar_cliente", BUY).statusCode()).isEqualTo(200);
        assertThat(post(a.uri(), "/comprar_cliente", "{\"cpf\":\"1\"}").statusCode()).isEqualTo(400);

        String text = scrape(a);

        assertThat(value(text, "passcom_purchases_total", "outcome=\"committed\"")).isEqualTo(1.0);
        assertThat(value(text, "passcom_purchases_total", "outcome=\"sold_out\"")).isZero();
        assertThat(value(text, "passcom_http_requests_seconds_count", "endpoint=\"/comprar_cliente\"", "status=\"200\"")).isEqualTo(1.0);
        assertThat(value(text, "passcom_http_requests_seconds_count", "endpoint=\"/comprar_cliente\"", "status=\"400\"")).isEqualTo(1.0);
        assertThat(text).contains("passcom_http_requests_seconds_bucket{");
        assertThat(value(text, "passcom_store_batch_writes_count")).isPositive();
        assertThat(value(text, "passcom_store_commit_seconds_count")).isPositive();
        assertThat(value(text, "passcom_peer_up", "peer=\"B\"")).isEqualTo(1.0);
        assertThat(value(text, "passcom_holds_open")).isZero();
        assertThat(value(text, "passcom_decisions_undelivered")).isGreaterThanOrEqualTo(0);
        assertThat(text).contains("jvm_memory_used_bytes").contains("process_cpu_usage").contains("jvm_threads_live_threads");
        String atB = scrape(b);
        assertThat(value(atB, "passcom_http_requests_seconds_count", "endpoint=\"/comprar_servidor\"", "status=\"200\"")).isEqualTo(1.0);
    }

    @Test
    void when_the_peer_stops_then_its_gauge_drops_to_0() throws Exception {
        b.close();

        assertThat(value(scrape(a), "passcom_peer_up", "peer=\"B\"")).isZero();
    }

    @Test
    void when_metrics_are_asked_on_the_customer_port_then_they_are_not_there() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(a.uri().resolve("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(a.metricsUri()).hasValueSatisfying(uri -> assertThat(uri.getPort()).isNotEqualTo(a.uri().getPort()));
    }

    @Test
    void when_a_purchase_runs_then_every_line_on_both_airlines_names_its_transaction() throws Exception {
        assertThat(post(a.uri(), "/comprar_cliente", BUY).statusCode()).isEqualTo(200);

        // The commit reaches B after the customer's answer (decision delivery): wait for it, within bounds.
        await("B logs the commit").atMost(Duration.ofSeconds(10))
                .until(() -> logged().stream().anyMatch(e -> e.getFormattedMessage().startsWith("POST /confirmar_servidor")));
        List<ILoggingEvent> outcome = logged().stream().filter(e -> e.getFormattedMessage().contains("purchase")
                && e.getFormattedMessage().contains("COMMITTED")).toList();
        assertThat(outcome).hasSize(1);
        String txn = outcome.get(0).getMDCPropertyMap().get("txn");
        assertThat(txn).isNotBlank();
        assertThat(outcome.get(0).getFormattedMessage()).contains(txn);
        List<ILoggingEvent> atB = logged().stream().filter(e -> "B".equals(e.getMDCPropertyMap().get("airline"))
                && e.getFormattedMessage().contains("_servidor")).toList();
        assertThat(atB).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("POST /comprar_servidor")).anyMatch(m -> m.startsWith("POST /confirmar_servidor"));
        assertThat(atB).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("txn", txn));
        List<ILoggingEvent> atA = logged().stream().filter(e -> "A".equals(e.getMDCPropertyMap().get("airline"))
                && e.getFormattedMessage().contains("/comprar_cliente")).toList();
        assertThat(atA).singleElement().satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("txn", txn));
    }

    @Test
    void when_a_purchase_or_cancellation_ends_in_any_way_core_has_then_it_is_counted_under_its_own_outcome() {
        for (var outcomes : List.of(Map.entry(passcom.core.txn.PurchaseOutcome.class, ServerMetrics.PURCHASE_OUTCOMES),
                Map.entry(passcom.core.txn.CancelOutcome.class, ServerMetrics.CANCEL_OUTCOMES))) {
            Class<?>[] kinds = outcomes.getKey().getPermittedSubclasses();
            assertThat(outcomes.getValue().keySet()).as("every %s has a tag", outcomes.getKey().getSimpleName()).containsExactlyInAnyOrder(kinds);
            assertThat(new TreeSet<>(outcomes.getValue().values())).as("no two share one").hasSize(kinds.length);
        }
    }

    @Test
    void when_the_grafana_dashboard_is_read_then_it_parses_and_names_only_metrics_a_running_server_has() throws Exception {
        assertThat(post(a.uri(), "/comprar_cliente", BUY).statusCode()).isEqualTo(200);
        String text = scrape(a);
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));

        Set<String> named = new TreeSet<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> named.addAll(metricNames(target.get("expr").asText()))));
        dashboard.get("templating").get("list").forEach(variable -> {
            Matcher m = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(variable.path("query").asText());
            if (m.find()) {
                named.add(m.group(1));
            }
        });

        assertThat(metricNames("histogram_quantile(0.99, sum by (le, airline) (rate(passcom_store_commit_seconds_bucket{airline=~\"$airline\"}[5m])))"
                + " / sum by (airline) (rate(passcom_nope_total{status=~\"5..\"}[5m]))"))
                .containsExactly("passcom_nope_total", "passcom_store_commit_seconds_bucket");
        assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(named).contains("passcom_purchases_total", "passcom_peer_up", "passcom_store_batch_writes_sum", "jvm_memory_used_bytes");
        Set<String> exposed = new TreeSet<>();
        Matcher sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE).matcher(text);
        while (sample.find()) {
            exposed.add(sample.group(1));
        }
        assertThat(exposed).as("metrics a running server exposes").containsAll(named);
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels or strings. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> keywords = Set.of("and", "or", "unless", "bool", "offset");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !keywords.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** What was logged so far (the appender appends under its own lock, from server threads). */
    private List<ILoggingEvent> logged() {
        synchronized (lines) {
            return new java.util.ArrayList<>(lines.list);
        }
    }

    private static String scrape(PasscomServer server) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.metricsUri().orElseThrow()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return response.body();
    }

    private static HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample of {@code name} whose labels include every one of {@code labels}. */
    static double value(String text, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + List.of(labels) + " in:\n" + text);
    }
}
