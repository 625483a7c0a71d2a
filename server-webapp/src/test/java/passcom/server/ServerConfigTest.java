package passcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passcom.core.money.Money;

class ServerConfigTest {

    @Test
    void when_nothing_is_given_then_airline_A_on_65433_with_defaults() {
        ServerConfig config = ServerConfig.parse(List.of(), Map.of());

        assertThat(config.airline()).isEqualTo("A");
        assertThat(config.port()).isEqualTo(65433);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.peers()).isEmpty();
        assertThat(config.price()).isEmpty();
        assertThat(config.network()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("var/A"));
        assertThat(config.usesDevSecret()).isTrue();
        assertThat(config.timing()).isEqualTo(ServerConfig.Timing.DEFAULT);
    }

    @Test
    void when_airline_is_B_or_C_then_the_default_port_follows() {
        assertThat(ServerConfig.parse(List.of("--airline", "B"), Map.of()).port()).isEqualTo(65434);
        assertThat(ServerConfig.parse(List.of("--airline=C"), Map.of()).port()).isEqualTo(65435);
    }

    @Test
    void when_flags_are_given_then_every_field_follows_them() {
        ServerConfig config = ServerConfig.parse(List.of("--airline", "B", "--port", "0", "--host", "0.0.0.0",
                "--price", "120.50", "--peer", "A=http://127.0.0.1:65433", "--peer", "C=http://10.0.0.3:65435",
                "--data-dir", "/tmp/b", "--secret", "s3cret", "--peer-timeout", "500ms", "--stale-hold", "2s"), Map.of());

        assertThat(config.airline()).isEqualTo("B");
        assertThat(config.port()).isZero();
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.price()).contains(Money.of("120.50"));
        assertThat(config.peers()).containsExactly(
                Map.entry("A", List.of(URI.create("http://127.0.0.1:65433"))), Map.entry("C", List.of(URI.create("http://10.0.0.3:65435"))));
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(config.secret()).isEqualTo("s3cret");
        assertThat(config.timing().peerTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.timing().staleHold()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/b/passcom.db");
    }

    @Test
    void when_no_db_url_is_given_then_the_store_is_sqlite_in_the_absolute_data_directory() {
        ServerConfig config = ServerConfig.parse(List.of("--data-dir", "var/../var/B"), Map.of());

        assertThat(config.dbUrl()).isEmpty();
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("var/B").toAbsolutePath().normalize().resolve("passcom.db"));
    }

    @Test
    void when_a_db_url_is_given_by_flag_or_variable_then_it_is_the_store() {
        String postgres = "jdbc:postgresql://127.0.0.1:5432/passcom_A?user=x";

        assertThat(ServerConfig.parse(List.of("--db-url", postgres), Map.of()).jdbcUrl()).isEqualTo(postgres);
        assertThat(ServerConfig.parse(List.of(), Map.of("PASSCOM_DB_URL", "jdbc:sqlite:/srv/a.db")).jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/a.db");
        assertThat(ServerConfig.parse(List.of("--db-url=" + postgres), Map.of("PASSCOM_DB_URL", "jdbc:sqlite:/srv/a.db")).jdbcUrl())
                .isEqualTo(postgres);
    }

    @Test
    void when_the_db_url_is_not_postgresql_or_sqlite_then_the_error_names_the_flag_and_hides_the_password() {
        assertBad(List.of("--db-url", "jdbc:h2:file:/tmp/x"), "--db-url");
        assertBad(List.of("--db-url", "postgresql://127.0.0.1/passcom"), "jdbc:postgresql:");
        assertThatThrownBy(() -> ServerConfig.parse(List.of(), Map.of("PASSCOM_DB_URL", "jdbc:mysql://h/db?password=hunter2")))
                .isInstanceOf(BadFlag.class).hasMessageContaining("PASSCOM_DB_URL").hasMessageNotContaining("hunter2");
    }

    @Test
    void when_an_airline_is_given_twice_then_both_are_instances_of_it_in_order() {
        ServerConfig repeated = ServerConfig.parse(List.of("--airline", "B",
                "--peer", "A=http://127.0.0.1:65433", "--peer", "A=http://127.0.0.1:65443", "--peer", "C=http://127.0.0.1:65435"), Map.of());
        ServerConfig commas = ServerConfig.parse(List.of("--airline", "B",
                "--peer", "A=http://127.0.0.1:65433,A=http://127.0.0.1:65443,C=http://127.0.0.1:65435"), Map.of());
        ServerConfig fromEnv = ServerConfig.parse(List.of("--airline", "B"),
                Map.of("PASSCOM_PEERS", "A=http://127.0.0.1:65433,A=http://127.0.0.1:65443,C=http://127.0.0.1:65435"));

        assertThat(repeated.peers()).containsExactly(
                Map.entry("A", List.of(URI.create("http://127.0.0.1:65433"), URI.create("http://127.0.0.1:65443"))),
                Map.entry("C", List.of(URI.create("http://127.0.0.1:65435"))));
        assertThat(commas.peers()).isEqualTo(repeated.peers());
        assertThat(fromEnv.peers()).isEqualTo(repeated.peers());
    }

    @Test
    void when_peers_are_built_in_code_then_a_repeated_url_is_kept_once() {
        URI a1 = URI.create("http://127.0.0.1:65433");
        URI a2 = URI.create("http://127.0.0.1:65443");

        ServerConfig config = ServerConfig.forTest("B", Path.of("var/B")).withPeerInstances(Map.of("A", List.of(a1, a2, a1)));

        assertThat(config.peers().get("A")).containsExactly(a1, a2);
    }

    @Test
    void when_environment_is_set_then_it_is_used_and_flags_win() {
        Map<String, String> env = Map.of("PASSCOM_AIRLINE", "C", "PASSCOM_PORT", "7000", "PASSCOM_SECRET", "from-env",
                "PASSCOM_PEERS", "A=http://a:65433, B=http://b:65434");

        ServerConfig fromEnv = ServerConfig.parse(List.of(), env);
        ServerConfig flagsWin = ServerConfig.parse(List.of("--port", "7001", "--peer", "B=http://other:1"), env);

        assertThat(fromEnv.airline()).isEqualTo("C");
        assertThat(fromEnv.port()).isEqualTo(7000);
        assertThat(fromEnv.secret()).isEqualTo("from-env");
        assertThat(fromEnv.peers()).containsOnlyKeys("A", "B");
        assertThat(flagsWin.port()).isEqualTo(7001);
        assertThat(flagsWin.peers()).containsExactly(Map.entry("B", List.of(URI.create("http://other:1"))));
    }

    @Test
    void when_the_peer_list_names_this_airline_then_it_is_left_out() {
        ServerConfig config = ServerConfig.parse(List.of("--airline", "B",
                "--peer", "A=http://127.0.0.1:65433,B=http://127.0.0.1:65434,C=http://127.0.0.1:65435"), Map.of());

        assertThat(config.peers()).containsOnlyKeys("A", "C");
    }

    @Test
    void when_a_flag_is_wrong_then_the_error_names_it() {
        assertBad(List.of("--port", "abc"), "--port");
        assertBad(List.of("--port", "70000"), "0-65535");
        assertBad(List.of("--price", "-3"), "positive");
        assertBad(List.of("--price", "1.234"), "--price");
        assertBad(List.of("--peer", "B"), "ID=URL");
        assertBad(List.of("--peer", "B=ftp://x"), "http(s)");
        assertBad(List.of("--peer", "B=http://x:1", "--peer", "B=http://x:1"), "twice");
        assertBad(List.of("--network", "/no/such/file.json"), "no such file");
        assertBad(List.of("--airline", "A B"), "airline id");
        assertBad(List.of("--airline", "Azul"), "--port");
        assertBad(List.of("--stale-hold", "soon"), "500ms");
        assertBad(List.of("--frobnicate", "1"), "unknown flag --frobnicate");
        assertBad(List.of("--port"), "needs a value");
        assertBad(List.of("extra"), "unexpected argument");
    }

    @Test
    void when_an_environment_variable_is_wrong_then_the_error_names_the_variable() {
        assertThatThrownBy(() -> ServerConfig.parse(List.of(), Map.of("PASSCOM_PORT", "x")))
                .isInstanceOf(BadFlag.class).hasMessageContaining("PASSCOM_PORT");
    }

    @Test
    void when_open_access_is_asked_by_flag_or_variable_then_it_is_on_and_otherwise_off() {
        assertThat(ServerConfig.parse(List.of("--airline", "B"), Map.of()).openAccess()).isFalse();
        assertThat(ServerConfig.parse(List.of("--airline", "B", "--acesso-aberto"), Map.of()).openAccess()).isTrue();
        assertThat(ServerConfig.parse(List.of("--airline", "B"), Map.of("PASSCOM_OPEN_ACCESS", "true")).openAccess()).isTrue();
        assertThat(ServerConfig.parse(List.of("--airline", "B"), Map.of("PASSCOM_OPEN_ACCESS", "false")).openAccess()).isFalse();
        assertThatThrownBy(() -> ServerConfig.parse(List.of("--airline", "B"), Map.of("PASSCOM_OPEN_ACCESS", "talvez")))
                .isInstanceOf(BadFlag.class).hasMessageContaining("PASSCOM_OPEN_ACCESS");
    }

    @Test
    void when_rate_limits_are_turned_off_as_the_fault_campaigns_do_then_the_config_says_so() {
        ServerConfig campaign = ServerConfig.parse(List.of("--airline", "B", "--acesso-aberto", "--rate-limits", "off"), Map.of());

        assertThat(campaign.access()).isEqualTo(new ServerConfig.Access(true, false));
        assertThat(ServerConfig.parse(List.of("--airline", "B"), Map.of()).access()).isEqualTo(ServerConfig.Access.DEFAULT);
        assertThatThrownBy(() -> ServerConfig.parse(List.of("--airline", "B", "--rate-limits", "meio"), Map.of()))
                .isInstanceOf(BadFlag.class).hasMessageContaining("--rate-limits");
    }

    @Test
    void when_help_is_asked_then_every_flag_and_variable_is_listed_and_exit_is_0() {
        Run run = run(List.of("--help"));

        assertThat(run.code).isZero();
        for (ServerFlags.Flag flag : ServerFlags.Flag.values()) {
            assertThat(run.out).contains("--" + flag.name);
            if (flag.env != null) {
                assertThat(run.out).contains(flag.env);
            }
        }
        assertThat(run.started).isEmpty();
    }

    @Test
    void when_a_flag_is_bad_then_exit_is_2_with_one_clear_line_and_no_stack_trace() {
        Run run = run(List.of("--port", "abc"));

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--port: port must be a number, got 'abc'").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.started).isEmpty();
    }

    @Test
    void when_flags_are_good_then_the_config_is_served() {
        Run run = run(List.of("--airline", "B"));

        assertThat(run.code).isZero();
        assertThat(run.started).extracting(ServerConfig::airline).containsExactly("B");
    }

    @Test
    void when_a_flag_is_misspelt_then_the_error_names_it_and_suggests_the_right_one() {
        assertBad(List.of("--peers", "B=http://x:1"), "unknown flag --peers");
        assertBad(List.of("--peers", "B=http://x:1"), "did you mean --peer");
        assertBad(List.of("--port", "1", "--port", "2"), "--port given twice");
    }

    @Test
    void when_a_properties_file_is_given_then_it_fills_in_what_flags_and_variables_leave_out(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("b.properties"), """
                airline=B
                port=7100
                secret=from-file
                peer=A=http://127.0.0.1:65433,C=http://127.0.0.1:65435
                stale-hold=9s
                """);

        ServerConfig fromFile = ServerConfig.parse(List.of("--config", file.toString()), Map.of());
        ServerConfig envWins = ServerConfig.parse(List.of("--config", file.toString()), Map.of("PASSCOM_PORT", "7200", "PASSCOM_SECRET", "env"));
        ServerConfig flagWins = ServerConfig.parse(List.of("--config", file.toString(), "--port", "7300"), Map.of("PASSCOM_PORT", "7200"));

        assertThat(fromFile.airline()).isEqualTo("B");
        assertThat(fromFile.port()).isEqualTo(7100);
        assertThat(fromFile.secret()).isEqualTo("from-file");
        assertThat(fromFile.peers()).containsOnlyKeys("A", "C");
        assertThat(fromFile.timing().staleHold()).isEqualTo(Duration.ofSeconds(9));
        assertThat(envWins.port()).isEqualTo(7200);
        assertThat(envWins.secret()).isEqualTo("env");
        assertThat(flagWins.port()).isEqualTo(7300);
    }

    @Test
    void when_a_yaml_file_is_given_by_variable_then_it_is_read_with_peers_as_a_list(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                airline: C
                price: 99.90
                peer:
                  - A=http://10.0.0.1:65433
                  - A=http://10.0.0.2:65433
                  - B=http://10.0.0.3:65434
                """);

        ServerConfig config = ServerConfig.parse(List.of(), Map.of("PASSCOM_CONFIG", file.toString()));

        assertThat(config.airline()).isEqualTo("C");
        assertThat(config.port()).isEqualTo(65435);
        assertThat(config.price()).contains(Money.of("99.90"));
        assertThat(config.peers().get("A")).containsExactly(URI.create("http://10.0.0.1:65433"), URI.create("http://10.0.0.2:65433"));
        assertThat(ServerConfig.parse(List.of("--peer", "B=http://other:1"), Map.of("PASSCOM_CONFIG", file.toString())).peers())
                .containsOnlyKeys("B");
    }

    @Test
    void when_the_config_file_is_wrong_then_the_error_names_the_file_and_the_setting(@TempDir Path dir) throws IOException {
        Path badPort = Files.writeString(dir.resolve("bad.properties"), "port=lots\n");
        Path unknown = Files.writeString(dir.resolve("unknown.yml"), "prot: 1\n");
        Path notYaml = Files.writeString(dir.resolve("broken.yaml"), "port: [1\n");

        assertBad(List.of("--config", badPort.toString()), badPort + ": port: port must be a number, got 'lots'");
        assertBad(List.of("--config", unknown.toString()), "unknown setting 'prot'");
        assertBad(List.of("--config", notYaml.toString()), "cannot be read as YAML");
        assertBad(List.of("--config", dir.resolve("none.yaml").toString()), "--config: no such file");
        assertBad(List.of("--log-format", "xml"), "--log-format: log format must be text or json");
    }

    @Test
    void when_metrics_are_not_configured_then_a_lettered_airline_serves_them_on_its_own_admin_port() {
        assertThat(ServerConfig.parse(List.of(), Map.of()).metrics()).isEqualTo(new ServerConfig.Metrics("127.0.0.1", java.util.Optional.of(9433)));
        assertThat(ServerConfig.parse(List.of("--airline", "C"), Map.of()).metrics().port()).contains(9435);
        assertThat(ServerConfig.parse(List.of("--airline", "Azul", "--port", "7000"), Map.of()).metrics().port()).isEmpty();
        assertThat(ServerConfig.parse(List.of("--metrics-port", "off"), Map.of()).metrics().port()).isEmpty();
        assertThat(ServerConfig.parse(List.of(), Map.of("PASSCOM_METRICS_PORT", "0", "PASSCOM_METRICS_HOST", "0.0.0.0")).metrics())
                .isEqualTo(new ServerConfig.Metrics("0.0.0.0", java.util.Optional.of(0)));
        assertBad(List.of("--port", "9000", "--metrics-port", "9000"), "--metrics-port: the metrics port must differ");
        assertBad(List.of("--metrics-port", "lots"), "--metrics-port: port must be a number");
    }

    @Test
    void when_help_is_generated_then_it_shows_defaults_and_the_example() {
        String help = ServerConfig.usage();

        assertThat(help).startsWith("Usage: passcom-server").contains("env PASSCOM_PORT; default: 65433 for A")
                .contains("--config=FILE").contains("passcom-server --airline B --peer A=http://127.0.0.1:65433");
    }

    private static void assertBad(List<String> args, String mentions) {
        assertThatThrownBy(() -> ServerConfig.parse(args, Map.of()))
                .as("%s", args).isInstanceOf(BadFlag.class).hasMessageContaining(mentions);
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<ServerConfig> started = new ArrayList<>();
        int code = ServerMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), started::add);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), started);
    }

    private record Run(int code, String out, String err, List<ServerConfig> started) {
    }
}
