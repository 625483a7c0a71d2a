package passcom.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import passcom.core.money.Money;
import passcom.server.FlagTypes.MetricsPort;
import passcom.server.FlagTypes.Peer;
import passcom.server.ServerConfig.Timing;
import passcom.server.auth.FederationSigner;

/**
 * The server's command line on picocli: each flag is one {@link Setting} line (name, variable, type, default,
 * description), from which picocli's typed options, its parser and its generated help are built, so that the three
 * cannot disagree. A default that is a value is written once, as the option's default, and shown by picocli's
 * {@code ${DEFAULT-VALUE}}; a default that follows a rule (the port follows the airline) is described in words and
 * computed in {@link ServerConfig}.
 *
 * <p>Each setting comes from its flag, else its PASSCOM_* variable, else the optional config file
 * ({@code --config FILE} or {@code PASSCOM_CONFIG}: a {@code .properties} file, or YAML for {@code .yaml} /
 * {@code .yml}, with the flags' names as keys; {@link ConfigFile}). Picocli converts all three with the same
 * converters ({@link FlagTypes}); every error is a {@link BadFlag} that names where the wrong value came from:
 * {@code --port}, {@code PASSCOM_PORT} or {@code FILE: port}.
 */
final class ServerFlags {

    private static final String COMMAND = "passcom-server";
    /** picocli's system property: regular expressions of the classes whose built-in reflective converters it skips. */
    private static final String CONVERTER_EXCLUSIONS = "picocli.converters.excludes";
    /** Every setting, in the order help lists them; filled by the declarations below, one line each. */
    private static final List<Setting<?>> ALL = new ArrayList<>();

    static final Setting<String> AIRLINE = value("airline", "ID", "PASSCOM_AIRLINE", FlagTypes.AIRLINE_ID, "A",
            "this server's airline id, as in the network file");
    static final Setting<Integer> PORT = ruled("port", "N", "PASSCOM_PORT", FlagTypes.PORT, "65433 for A, 65434 for B, 65435 for C, ...",
            "HTTP port; 0 picks a free one");
    static final Setting<String> HOST = value("host", "ADDR", "PASSCOM_HOST", FlagTypes.TEXT, ServerConfig.DEFAULT_HOST,
            "address to listen on (0.0.0.0 for every interface)");
    static final Setting<Money> PRICE = ruled("price", "R$", "PASSCOM_PRICE", FlagTypes.PRICE, "the network file's price",
            "price per 100 km, e.g. 115.50");
    static final Setting<Peer> PEER = list("peer", "ID=URL", "PASSCOM_PEERS", FlagTypes.PEER, "none (comma-separated ID=URL list)",
            "a peer airline; repeat, or separate with commas; the same ID again adds an instance of it");
    static final Setting<Path> DATA_DIR = ruled("data-dir", "DIR", "PASSCOM_DATA_DIR", FlagTypes.PATH, "./var/<airline>",
            "the airline's directory (its SQLite store passcom.db without --db-url)");
    static final Setting<String> DB_URL = ruled("db-url", "URL", "PASSCOM_DB_URL", FlagTypes.STORE_URL, "SQLite in the data directory",
            "the store, jdbc:postgresql://... or jdbc:sqlite:...; instances of one airline share it");
    static final Setting<Path> NETWORK = ruled("network", "FILE", "PASSCOM_NETWORK", FlagTypes.EXISTING_FILE,
            "the built-in network (data/network.json)", "route network file");
    static final Setting<String> SECRET = ruled("secret", "TEXT", "PASSCOM_SECRET", FlagTypes.TEXT, "a development secret (logged as a warning)",
            "federation HMAC secret shared by every airline (prefer the variable)");
    static final Setting<FederationSigner.PreviousSecret> PREVIOUS_SECRET = ruled("previous-secret", "TEXT@UNTIL", "PASSCOM_PREVIOUS_SECRET",
            FlagTypes.PREVIOUS_SECRET, "none",
            "while rotating: the old secret, still accepted until UNTIL (an instant, e.g. 2026-12-02T03:00:00Z)");
    static final Setting<Duration> PEER_TIMEOUT = duration("peer-timeout", "PASSCOM_PEER_TIMEOUT", Timing.DEFAULT.peerTimeout(),
            "wait for a peer's prepare/commit answer");
    static final Setting<Duration> SEARCH_TIMEOUT = duration("search-timeout", "PASSCOM_SEARCH_TIMEOUT", Timing.DEFAULT.searchTimeout(),
            "wait for a peer's route or ticket answer");
    static final Setting<Duration> STALE_HOLD = duration("stale-hold", "PASSCOM_STALE_HOLD", Timing.DEFAULT.staleHold(),
            "hold age before asking the coordinator");
    static final Setting<Duration> RETRY_BACKOFF = duration("retry-backoff", "PASSCOM_RETRY_BACKOFF", Timing.DEFAULT.retryBackoff(),
            "first retry delay of an undelivered decision");
    static final Setting<MetricsPort> METRICS_PORT = ruled("metrics-port", "N", "PASSCOM_METRICS_PORT", FlagTypes.METRICS_PORT,
            "9433 for A, 9434 for B, 9435 for C, ...", "admin port of GET /metrics (Prometheus); 0 picks a free one, 'off' serves none");
    static final Setting<String> METRICS_HOST = value("metrics-host", "ADDR", "PASSCOM_METRICS_HOST", FlagTypes.TEXT, ServerConfig.DEFAULT_HOST,
            "address of the metrics port (keep it off the customers' network)");
    static final Setting<Path> TLS_CERT = ruled("tls-cert", "FILE", "PASSCOM_TLS_CERT", FlagTypes.EXISTING_FILE, "none: plain HTTP, loopback only",
            "HTTPS: this airline's certificate, PEM (chain, leaf first); reloaded when it changes (docs/tls.md)");
    static final Setting<Path> TLS_KEY = ruled("tls-key", "FILE", "PASSCOM_TLS_KEY", FlagTypes.EXISTING_FILE, "none",
            "HTTPS: the certificate's private key, PEM, unencrypted; reloaded when it changes");
    static final Setting<Path> TLS_CA = ruled("tls-ca", "FILE", "PASSCOM_TLS_CA", FlagTypes.EXISTING_FILE, "none",
            "HTTPS: the federation CA, PEM; peers' certificates must be signed by it");
    static final Setting<Boolean> INSEGURO = toggle("inseguro", "PASSCOM_INSEGURO", FlagTypes.ON_OFF,
            "plain HTTP beyond loopback, e.g. behind a TLS proxy; logs a warning");
    static final Setting<Boolean> OPEN_ACCESS = toggle("acesso-aberto", "PASSCOM_OPEN_ACCESS", FlagTypes.ON_OFF,
            "the original contract, for a lab: bookings listed by CPF alone, without a token (logged as a warning)");
    static final Setting<Boolean> RATE_LIMITS = value("rate-limits", "on|off", "PASSCOM_RATE_LIMITS", FlagTypes.ON_OFF, "on",
            "per client address limits on login, cadastro and localizador look-ups (429); off only for load and fault tests");
    static final Setting<LogFormat> LOG_FORMAT = value("log-format", "text|json", "PASSCOM_LOG_FORMAT", FlagTypes.LOG_FORMAT, "text",
            "log lines as text, or one JSON object per line");
    static final Setting<Path> CONFIG = ruled("config", "FILE", "PASSCOM_CONFIG", FlagTypes.EXISTING_FILE, "none",
            "a .properties or .yaml file of these settings, keys as the flags' names; flags and variables win over it");

    private ServerFlags() {
    }

    /** How a setting's option is shaped: one value, a switch (present means true), or a comma-separated, repeatable list. */
    enum Shape { VALUE, SWITCH, LIST }

    /**
     * One flag, its PASSCOM_* variable and config-file key ({@code name}), and how its text becomes a {@code T}.
     *
     * @param defaultValue the default as the flag would be written, shown in help by picocli; null when the
     *                     default follows a rule, which {@code defaultRule} then describes
     */
    record Setting<T>(String name, String label, String env, Shape shape, ITypeConverter<T> type, String defaultValue,
            String defaultRule, String description) {

        String option() {
            return "--" + name;
        }

        OptionSpec optionSpec() {
            OptionSpec.Builder option = OptionSpec.builder(option()).paramLabel(label).converters(type);
            String variable = shape == Shape.SWITCH ? "env " + env + "=true" : "env " + env;
            option.description(description, variable + "; default: " + (defaultValue != null ? "${DEFAULT-VALUE}" : defaultRule.replace("%", "%%")));
            if (defaultValue != null) {
                option.defaultValue(defaultValue);
            }
            return switch (shape) {
                case VALUE -> option.type(Object.class).build();
                case SWITCH -> option.type(boolean.class).arity("0").build();
                case LIST -> option.type(List.class).auxiliaryTypes(Object.class).splitRegex(",").build();
            };
        }
    }

    private static <T> Setting<T> add(Setting<T> setting) {
        ALL.add(setting);
        return setting;
    }

    private static <T> Setting<T> value(String name, String label, String env, ITypeConverter<T> type, String defaultValue, String description) {
        return add(new Setting<>(name, label, env, Shape.VALUE, type, defaultValue, null, description));
    }

    private static <T> Setting<T> ruled(String name, String label, String env, ITypeConverter<T> type, String defaultRule, String description) {
        return add(new Setting<>(name, label, env, Shape.VALUE, type, null, defaultRule, description));
    }

    private static Setting<Duration> duration(String name, String env, Duration defaultValue, String description) {
        return value(name, "DUR", env, FlagTypes.DURATION, FlagTypes.durationText(defaultValue), description);
    }

    private static Setting<Boolean> toggle(String name, String env, ITypeConverter<Boolean> type, String description) {
        return add(new Setting<>(name, "", env, Shape.SWITCH, type, "false", null, description));
    }

    private static <T> Setting<T> list(String name, String label, String env, ITypeConverter<T> type, String defaultRule, String description) {
        return add(new Setting<>(name, label, env, Shape.LIST, type, null, defaultRule, description));
    }

    static List<Setting<?>> settings() {
        return Collections.unmodifiableList(ALL);
    }

    /** picocli's model of the command, built from the settings. */
    static CommandLine commandLine() {
        // Every option has its own converter (FlagTypes), so picocli's reflective built-in ones for java.time, java.sql
        // and the like are never used; registering them loaded and initialised those classes, the JDK's date formats and
        // their locale data with them, on every start (docs/PERFORMANCE.md, "Start-up and the JVM").
        if (System.getProperty(CONVERTER_EXCLUSIONS) == null) {
            System.setProperty(CONVERTER_EXCLUSIONS, ".*");
        }
        CommandSpec spec = CommandSpec.create().name(COMMAND);
        spec.usageMessage()
                .description("Runs one airline of the PASSCOM federation. A flag wins over its variable, a variable over the --config file.")
                .footerHeading("%n")
                .footer("Example (airline B of the default federation):",
                        "  passcom-server --airline B --peer A=http://127.0.0.1:65433 --peer C=http://127.0.0.1:65435",
                        "Two instances of airline A sharing one PostgreSQL database, and a peer that uses both:",
                        "  passcom-server --airline A --db-url jdbc:postgresql://127.0.0.1:5432/passcom_A?user=passcom",
                        "  passcom-server --airline A --port 65443 --db-url jdbc:postgresql://127.0.0.1:5432/passcom_A?user=passcom",
                        "  passcom-server --airline B --peer A=http://127.0.0.1:65433 --peer A=http://127.0.0.1:65443",
                        "Exit codes: 0 after --help, 2 for a bad flag, variable or config file, 1 when the server cannot start.")
                .sortOptions(false)
                .width(110)
                .adjustLineBreaksForWideCJKCharacters(false);
        ALL.forEach(setting -> spec.addOption(setting.optionSpec()));
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("print this help and exit").build());
        CommandLine commandLine = new CommandLine(spec);
        commandLine.setUsageHelpLongOptionsMaxWidth(30);
        return commandLine;
    }

    static String usage() {
        return commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** How the process logs: Logback's pattern layout, or one JSON object per line (logback.xml). */
    enum LogFormat { TEXT, JSON }

    /** What the command line decides: the server's configuration, and how the process logs. */
    record Parsed(ServerConfig config, LogFormat logFormat) {
    }

    /** @throws BadFlag naming the flag, variable or config-file key that is wrong */
    static Parsed parse(List<String> args, Map<String, String> env) {
        SettingValues values = SettingValues.parse(commandLine(), args, env, ConfigFile.none());
        Optional<Path> configFile = values.given(CONFIG);
        if (configFile.isPresent()) {
            Set<String> keys = ALL.stream().filter(s -> s != CONFIG).map(Setting::name).collect(Collectors.toSet());
            values = SettingValues.parse(commandLine(), args, env, ConfigFile.read(configFile.get(), keys, PEER.name()));
        }
        return fromValues(values);
    }

    private static Parsed fromValues(SettingValues values) {
        String airline = values.value(AIRLINE);
        int port = values.given(PORT).or(() -> ServerConfig.defaultPort(airline))
                .orElseThrow(() -> new BadFlag("airline '" + airline + "' has no default port: give --port"));
        Timing timing = new Timing(values.value(PEER_TIMEOUT), values.value(SEARCH_TIMEOUT), values.value(STALE_HOLD), values.value(RETRY_BACKOFF));
        Optional<Integer> metricsPort = values.given(METRICS_PORT).map(MetricsPort::port).orElseGet(() -> ServerConfig.defaultMetricsPort(airline));
        if (metricsPort.isPresent() && metricsPort.get() != 0 && metricsPort.get() == port) {
            throw new BadFlag(values.source(METRICS_PORT) + ": the metrics port must differ from --port " + port);
        }
        ServerConfig.Metrics metrics = new ServerConfig.Metrics(values.value(METRICS_HOST), metricsPort);
        ServerConfig.Transport transport = new ServerConfig.Transport(tls(values), values.value(INSEGURO));
        return new Parsed(new ServerConfig(airline, values.value(HOST), port, values.given(PRICE), peers(values, airline),
                values.given(DATA_DIR).orElse(Path.of("var/" + airline)), values.given(NETWORK), values.given(SECRET).orElse(ServerConfig.DEV_SECRET),
                timing, values.given(DB_URL), values.given(PREVIOUS_SECRET), metrics, transport,
                new ServerConfig.Access(values.value(OPEN_ACCESS), values.value(RATE_LIMITS))), values.value(LOG_FORMAT));
    }

    /** All three TLS files, or none: a certificate without the federation CA could not check its peers. */
    private static Optional<ServerConfig.Tls> tls(SettingValues values) {
        List<Setting<Path>> files = List.of(TLS_CERT, TLS_KEY, TLS_CA);
        List<Setting<Path>> given = files.stream().filter(f -> values.given(f).isPresent()).toList();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() < files.size()) {
            List<String> missing = files.stream().filter(f -> !given.contains(f)).map(Setting::option).toList();
            throw new BadFlag(values.source(given.get(0)) + " needs " + String.join(" and ", missing)
                    + " too: HTTPS takes the airline's certificate, its key and the federation CA (docs/tls.md)");
        }
        return Optional.of(new ServerConfig.Tls(values.value(TLS_CERT), values.value(TLS_KEY), values.value(TLS_CA)));
    }

    /** Repeating an id lists another instance of that airline; the same URL twice is a mistake. */
    private static Map<String, List<URI>> peers(SettingValues values, String self) {
        Map<String, List<URI>> peers = new LinkedHashMap<>();
        for (Peer peer : values.all(PEER)) {
            if (peer.id().equals(self)) {
                continue;
            }
            List<URI> urls = peers.computeIfAbsent(peer.id(), any -> new ArrayList<>());
            if (urls.contains(peer.url())) {
                throw new BadFlag(values.source(PEER) + ": peer " + peer.id() + " given twice with " + peer.url());
            }
            urls.add(peer.url());
        }
        return peers;
    }
}
