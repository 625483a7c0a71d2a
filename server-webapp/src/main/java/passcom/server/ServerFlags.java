package passcom.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import passcom.core.money.Money;
import passcom.server.auth.FederationSigner;
import passcom.server.ServerConfig.Timing;

/**
 * The server's command line on picocli: each {@link Flag} once (name, variable, default, description), from
 * which picocli's parser and generated help are both built, so that the two cannot disagree.
 *
 * <p>Each setting comes from its flag, else its PASSCOM_* variable, else the optional config file
 * ({@code --config FILE} or {@code PASSCOM_CONFIG}: a {@code .properties} file, or YAML for {@code .yaml} /
 * {@code .yml}, with the flags' names as keys). Every error is a {@link BadFlag} that names where the wrong
 * value came from: {@code --port}, {@code PASSCOM_PORT} or {@code FILE: port}.
 */
final class ServerFlags {

    private static final String COMMAND = "passcom-server";
    private static final String ID = "[A-Za-z0-9_-]{1,16}";
    /** The stores core can open. */
    private static final List<String> JDBC_PREFIXES = List.of("jdbc:postgresql:", "jdbc:sqlite:");

    private ServerFlags() {
    }

    /** Each flag once: name, variable, default and description, so parsing and --help cannot disagree. */
    enum Flag {
        AIRLINE("airline", "ID", "PASSCOM_AIRLINE", "A", "this server's airline id, as in the network file"),
        PORT("port", "N", "PASSCOM_PORT", "65433 for A, 65434 for B, 65435 for C, ...", "HTTP port; 0 picks a free one"),
        HOST("host", "ADDR", "PASSCOM_HOST", ServerConfig.DEFAULT_HOST, "address to listen on (0.0.0.0 for every interface)"),
        PRICE("price", "R$", "PASSCOM_PRICE", "the network file's price", "price per 100 km, e.g. 115.50"),
        PEER("peer", "ID=URL", "PASSCOM_PEERS", "none (comma-separated ID=URL list)",
                "a peer airline; repeat, or separate with commas; the same ID again adds an instance of it"),
        DATA_DIR("data-dir", "DIR", "PASSCOM_DATA_DIR", "./var/<airline>", "the airline's directory (its SQLite store passcom.db without --db-url)"),
        DB_URL("db-url", "URL", "PASSCOM_DB_URL", "SQLite in the data directory",
                "the store, jdbc:postgresql://... or jdbc:sqlite:...; instances of one airline share it"),
        NETWORK("network", "FILE", "PASSCOM_NETWORK", "the built-in network (data/network.json)", "route network file"),
        SECRET("secret", "TEXT", "PASSCOM_SECRET", "a development secret (logged as a warning)",
                "federation HMAC secret shared by every airline (prefer the variable)"),
        PREVIOUS_SECRET("previous-secret", "TEXT@UNTIL", "PASSCOM_PREVIOUS_SECRET", "none",
                "while rotating: the old secret, still accepted until UNTIL (an instant, e.g. 2026-12-02T03:00:00Z)"),
        PEER_TIMEOUT("peer-timeout", "DUR", "PASSCOM_PEER_TIMEOUT", "3s", "wait for a peer's prepare/commit answer"),
        SEARCH_TIMEOUT("search-timeout", "DUR", "PASSCOM_SEARCH_TIMEOUT", "2s", "wait for a peer's route or ticket answer"),
        STALE_HOLD("stale-hold", "DUR", "PASSCOM_STALE_HOLD", "5s", "hold age before asking the coordinator"),
        RETRY_BACKOFF("retry-backoff", "DUR", "PASSCOM_RETRY_BACKOFF", "200ms", "first retry delay of an undelivered decision"),
        METRICS_PORT("metrics-port", "N", "PASSCOM_METRICS_PORT", "9433 for A, 9434 for B, 9435 for C, ...",
                "admin port of GET /metrics (Prometheus); 0 picks a free one, 'off' serves none"),
        METRICS_HOST("metrics-host", "ADDR", "PASSCOM_METRICS_HOST", ServerConfig.DEFAULT_HOST,
                "address of the metrics port (keep it off the customers' network)"),
        TLS_CERT("tls-cert", "FILE", "PASSCOM_TLS_CERT", "none: plain HTTP, loopback only",
                "HTTPS: this airline's certificate, PEM (chain, leaf first); reloaded when it changes (docs/tls.md)"),
        TLS_KEY("tls-key", "FILE", "PASSCOM_TLS_KEY", "none", "HTTPS: the certificate's private key, PEM, unencrypted; reloaded when it changes"),
        TLS_CA("tls-ca", "FILE", "PASSCOM_TLS_CA", "none", "HTTPS: the federation CA, PEM; peers' certificates must be signed by it"),
        INSEGURO("inseguro", "", "PASSCOM_INSEGURO", "false",
                "plain HTTP beyond loopback, e.g. behind a TLS proxy; logs a warning"),
        OPEN_ACCESS("acesso-aberto", "", "PASSCOM_OPEN_ACCESS", "off (PASSCOM_OPEN_ACCESS=true turns it on)",
                "the original contract, for a lab: bookings listed by CPF alone, without a token (logged as a warning)"),
        RATE_LIMITS("rate-limits", "on|off", "PASSCOM_RATE_LIMITS", "on",
                "per client address limits on login, cadastro and localizador look-ups (429); off only for load and fault tests"),
        LOG_FORMAT("log-format", "text|json", "PASSCOM_LOG_FORMAT", "text", "log lines as text, or one JSON object per line"),
        CONFIG("config", "FILE", "PASSCOM_CONFIG", "none",
                "a .properties or .yaml file of these settings, keys as the flags' names; flags and variables win over it"),
        HELP("help", "", null, "", "print this help and exit");

        final String name;
        final String valueName;
        final String env;
        final String defaultValue;
        final String description;

        Flag(String name, String valueName, String env, String defaultValue, String description) {
            this.name = name;
            this.valueName = valueName;
            this.env = env;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        String option() {
            return "--" + name;
        }

        static Optional<Flag> named(String name) {
            for (Flag flag : values()) {
                if (flag.name.equals(name)) {
                    return Optional.of(flag);
                }
            }
            return Optional.empty();
        }
    }

    /** picocli's model of the command, built from {@link Flag}. */
    static CommandLine commandLine() {
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
        for (Flag flag : Flag.values()) {
            OptionSpec.Builder option = OptionSpec.builder(flag == Flag.HELP ? new String[] {"-h", "--help"} : new String[] {flag.option()});
            if (flag == Flag.HELP) {
                option.usageHelp(true).description(flag.description);
            } else if (flag == Flag.INSEGURO) {
                option.arity("0").type(boolean.class)
                        .description(flag.description, "env " + flag.env + "=true; default: " + flag.defaultValue);
            } else if (flag == Flag.OPEN_ACCESS) {
                option.arity("0").type(boolean.class)
                        .description(flag.description, "env " + flag.env + "; default: " + flag.defaultValue);
            } else {
                option.paramLabel(flag.valueName)
                        .description(flag.description, "env " + flag.env + "; default: " + flag.defaultValue.replace("%", "%%"));
                if (flag == Flag.PEER) {
                    option.type(List.class).auxiliaryTypes(String.class);
                } else {
                    option.type(String.class);
                }
            }
            spec.addOption(option.build());
        }
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
        ParseResult parsed;
        try {
            parsed = commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String first = e.getUnmatched().get(0);
            if (!first.startsWith("-")) {
                throw new BadFlag("unexpected argument '" + first + "'");
            }
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> suggestions = e.getSuggestions();
            throw new BadFlag("unknown flag " + name + (suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)"));
        } catch (CommandLine.MissingParameterException e) {
            String name = e.getMissing().isEmpty() ? "a flag" : ((OptionSpec) e.getMissing().get(0)).longestName();
            throw new BadFlag(name + " needs a value");
        } catch (CommandLine.OverwrittenOptionException e) {
            throw new BadFlag(((OptionSpec) e.getOverwritten()).longestName() + " given twice");
        } catch (CommandLine.ParameterException e) {
            throw new BadFlag(e.getMessage());
        }
        if (parsed.isUsageHelpRequested()) {
            throw new BadFlag("--help must be handled before parsing");
        }
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            // a switch has no value of its own: present means true
            flags.put(option.longestName().substring(2), option.arity().max() == 0 ? List.of("true") : option.originalStringValues());
        }
        Values values = new Values(flags, env, ConfigFile.none());
        Optional<String> configFile = values.get(Flag.CONFIG);
        if (configFile.isPresent()) {
            values = new Values(flags, env, ConfigFile.read(values.source(Flag.CONFIG), Path.of(configFile.get())));
        }
        return fromValues(values);
    }

    private static Parsed fromValues(Values values) {
        String airline = values.get(Flag.AIRLINE).orElse("A");
        if (!airline.matches(ID)) {
            throw new BadFlag(values.source(Flag.AIRLINE) + ": airline id must be 1-16 letters, digits, '_' or '-', got '" + airline + "'");
        }
        String host = values.get(Flag.HOST).orElse(ServerConfig.DEFAULT_HOST);
        int port = values.get(Flag.PORT).map(p -> port(values.source(Flag.PORT), p))
                .or(() -> ServerConfig.defaultPort(airline))
                .orElseThrow(() -> new BadFlag("airline '" + airline + "' has no default port: give --port"));
        Optional<Money> price = values.get(Flag.PRICE).map(p -> price(values.source(Flag.PRICE), p));
        Map<String, List<URI>> peers = peers(values.source(Flag.PEER), values.all(Flag.PEER), airline);
        Path dataDir = Path.of(values.get(Flag.DATA_DIR).orElse("var/" + airline));
        Optional<Path> network = values.get(Flag.NETWORK).map(Path::of);
        network.ifPresent(file -> {
            if (!Files.isRegularFile(file)) {
                throw new BadFlag(values.source(Flag.NETWORK) + ": no such file " + file.toAbsolutePath());
            }
        });
        String secret = values.get(Flag.SECRET).orElse(ServerConfig.DEV_SECRET);
        Optional<String> dbUrl = values.get(Flag.DB_URL).map(String::strip);
        dbUrl.ifPresent(url -> {
            if (JDBC_PREFIXES.stream().noneMatch(url::startsWith)) {
                throw new BadFlag(values.source(Flag.DB_URL) + ": the store URL must start with jdbc:postgresql: or jdbc:sqlite:, got '"
                        + url.replaceAll("(?i)password=[^&;]*", "password=***") + "'");
            }
        });
        Timing timing = new Timing(
                duration(values, Flag.PEER_TIMEOUT, Timing.DEFAULT.peerTimeout()),
                duration(values, Flag.SEARCH_TIMEOUT, Timing.DEFAULT.searchTimeout()),
                duration(values, Flag.STALE_HOLD, Timing.DEFAULT.staleHold()),
                duration(values, Flag.RETRY_BACKOFF, Timing.DEFAULT.retryBackoff()));
        Optional<Integer> metricsPort = values.get(Flag.METRICS_PORT)
                .map(p -> "off".equalsIgnoreCase(p.strip()) ? Optional.<Integer>empty() : Optional.of(port(values.source(Flag.METRICS_PORT), p)))
                .orElseGet(() -> ServerConfig.defaultMetricsPort(airline));
        if (metricsPort.isPresent() && metricsPort.get() != 0 && metricsPort.get() == port) {
            throw new BadFlag(values.source(Flag.METRICS_PORT) + ": the metrics port must differ from --port " + port);
        }
        ServerConfig.Metrics metrics = new ServerConfig.Metrics(values.get(Flag.METRICS_HOST).orElse(ServerConfig.DEFAULT_HOST), metricsPort);
        Optional<FederationSigner.PreviousSecret> previousSecret = values.get(Flag.PREVIOUS_SECRET)
                .map(v -> previousSecret(values.source(Flag.PREVIOUS_SECRET), v));
        ServerConfig.Transport transport = new ServerConfig.Transport(tls(values),
                values.get(Flag.INSEGURO).map(v -> onOff(values.source(Flag.INSEGURO), v)).orElse(false));
        LogFormat logFormat = values.get(Flag.LOG_FORMAT).map(f -> logFormat(values.source(Flag.LOG_FORMAT), f)).orElse(LogFormat.TEXT);
        boolean rateLimits = values.get(Flag.RATE_LIMITS).map(v -> onOff(values.source(Flag.RATE_LIMITS), v)).orElse(true);
        return new Parsed(new ServerConfig(airline, host, port, price, peers, dataDir, network, secret, timing, dbUrl, previousSecret, metrics,
                transport, new ServerConfig.Access(openAccess(values), rateLimits)), logFormat);
    }

    /** All three TLS files, or none: a certificate without the federation CA could not check its peers. */
    private static Optional<ServerConfig.Tls> tls(Values values) {
        List<Flag> files = List.of(Flag.TLS_CERT, Flag.TLS_KEY, Flag.TLS_CA);
        List<Flag> given = files.stream().filter(f -> values.get(f).isPresent()).toList();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() < files.size()) {
            List<String> missing = files.stream().filter(f -> !given.contains(f)).map(Flag::option).toList();
            throw new BadFlag(values.source(given.get(0)) + " needs " + String.join(" and ", missing)
                    + " too: HTTPS takes the airline's certificate, its key and the federation CA (docs/tls.md)");
        }
        List<Path> paths = files.stream().map(f -> {
            Path path = Path.of(values.get(f).orElseThrow());
            if (!Files.isRegularFile(path)) {
                throw new BadFlag(values.source(f) + ": no such file " + path.toAbsolutePath());
            }
            return path;
        }).toList();
        return Optional.of(new ServerConfig.Tls(paths.get(0), paths.get(1), paths.get(2)));
    }

    /** The bare flag turns it on; the variable or file setting takes true/false (also 1/0, yes/no, sim/não). */
    private static boolean openAccess(Values values) {
        if (values.flags().containsKey(Flag.OPEN_ACCESS.name)) {
            return true;
        }
        return values.get(Flag.OPEN_ACCESS).map(v -> onOff(values.source(Flag.OPEN_ACCESS), v)).orElse(false);
    }

    private static boolean onOff(String source, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "sim", "on" -> true;
            case "false", "0", "no", "não", "nao", "off" -> false;
            default -> throw new BadFlag(source + ": must be on or off (true or false), got '" + value + "'");
        };
    }

    /** "SECRET@2026-12-02T03:00:00Z": the secret being rotated out and the instant it stops being accepted. */
    private static FederationSigner.PreviousSecret previousSecret(String source, String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0) {
            throw new BadFlag(source + ": give the previous secret and its expiry as SECRET@2026-12-02T03:00:00Z");
        }
        try {
            return new FederationSigner.PreviousSecret(text.substring(0, at), Instant.parse(text.substring(at + 1).strip()));
        } catch (DateTimeParseException e) {
            throw new BadFlag(source + ": the expiry after '@' must be an instant like 2026-12-02T03:00:00Z, got '"
                    + text.substring(at + 1) + "'");
        }
    }

    private static LogFormat logFormat(String source, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new BadFlag(source + ": log format must be text or json, got '" + text + "'");
        };
    }

    private static int port(String source, String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 0 || port > 65535) {
                throw new BadFlag(source + ": port must be 0-65535, got " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new BadFlag(source + ": port must be a number, got '" + text + "'");
        }
    }

    private static Money price(String source, String text) {
        try {
            Money price = Money.of(text.strip());
            if (!price.isPositive()) {
                throw new BadFlag(source + ": price per 100 km must be positive, got " + text);
            }
            return price;
        } catch (NumberFormatException e) {
            throw new BadFlag(source + ": price must be a number like 115 or 115.50, got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new BadFlag(source + ": price " + e.getMessage());
        }
    }

    private static Duration duration(Values values, Flag flag, Duration otherwise) {
        return values.get(flag).map(text -> duration(values.source(flag), text)).orElse(otherwise);
    }

    /** "3s", "500ms", "2m" or plain milliseconds. */
    private static Duration duration(String source, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofMillis(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new BadFlag(source + ": duration must be positive, got '" + text + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadFlag(source + ": duration must look like 500ms, 3s or 2m, got '" + text + "'");
        }
    }

    /** Repeating an id lists another instance of that airline; the same URL twice is a mistake. */
    private static Map<String, List<URI>> peers(String source, List<String> values, String self) {
        List<String> entries = new ArrayList<>();
        values.forEach(value -> entries.addAll(List.of(value.split(","))));
        Map<String, List<URI>> peers = new LinkedHashMap<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new BadFlag(source + ": peer must be ID=URL, like B=http://127.0.0.1:65434, got '" + e + "'");
            }
            String id = e.substring(0, eq).strip();
            if (!id.matches(ID)) {
                throw new BadFlag(source + ": peer id must be 1-16 letters, digits, '_' or '-', got '" + id + "'");
            }
            URI url = url(source, id, e.substring(eq + 1).strip());
            if (id.equals(self)) {
                continue;
            }
            List<URI> urls = peers.computeIfAbsent(id, any -> new ArrayList<>());
            if (urls.contains(url)) {
                throw new BadFlag(source + ": peer " + id + " given twice with " + url);
            }
            urls.add(url);
        }
        return peers;
    }

    private static URI url(String source, String id, String text) {
        try {
            URI url = new URI(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new BadFlag(source + ": peer " + id + " needs an http(s) URL with a host, got '" + text + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new BadFlag(source + ": peer " + id + " has a malformed URL '" + text + "'");
        }
    }

    /** The optional settings file: each key a flag's name, each value a string (YAML may give a list for peer). */
    private record ConfigFile(String name, Map<String, List<String>> settings) {

        static ConfigFile none() {
            return new ConfigFile("", Map.of());
        }

        static ConfigFile read(String source, Path file) {
            if (!Files.isRegularFile(file)) {
                throw new BadFlag(source + ": no such file " + file.toAbsolutePath());
            }
            String name = file.toString();
            String lower = name.toLowerCase(Locale.ROOT);
            Map<String, List<String>> settings = new LinkedHashMap<>();
            try {
                if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                    if (root != null && !root.isNull()) {
                        if (!root.isObject()) {
                            throw new BadFlag(name + ": must be a mapping of setting: value");
                        }
                        root.fields().forEachRemaining(field -> settings.put(field.getKey(), strings(name, field.getKey(), field.getValue())));
                    }
                } else {
                    Properties properties = new Properties();
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        properties.load(reader);
                    }
                    properties.stringPropertyNames().forEach(key -> settings.put(key, List.of(properties.getProperty(key))));
                }
            } catch (IOException e) {
                throw new BadFlag(name + ": cannot be read as " + (lower.endsWith(".yaml") || lower.endsWith(".yml") ? "YAML" : "properties")
                        + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            for (String key : settings.keySet()) {
                Optional<Flag> flag = Flag.named(key);
                if (flag.isEmpty() || flag.get() == Flag.HELP || flag.get() == Flag.CONFIG) {
                    throw new BadFlag(name + ": unknown setting '" + key + "' (the keys are the flags' names, like port or peer)");
                }
            }
            return new ConfigFile(name, settings);
        }

        private static List<String> strings(String file, String key, JsonNode value) {
            if (value.isValueNode()) {
                return List.of(value.asText());
            }
            if (value.isArray() && Flag.PEER.name.equals(key)) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                return items;
            }
            throw new BadFlag(file + ": " + key + " must be a single value" + (Flag.PEER.name.equals(key) ? " or a list" : ""));
        }
    }

    /** A flag's value, else its variable's, else the config file's; remembers which, so errors name the right one. */
    private record Values(Map<String, List<String>> flags, Map<String, String> env, ConfigFile file) {

        Optional<String> get(Flag flag) {
            List<String> all = all(flag);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)).filter(v -> !v.isBlank());
        }

        /** Every value of the first source that has the flag: repeated flags, or the file's list. */
        List<String> all(Flag flag) {
            if (flags.containsKey(flag.name)) {
                return flags.get(flag.name);
            }
            String value = flag.env == null ? null : env.get(flag.env);
            if (value != null && !value.isBlank()) {
                return List.of(value);
            }
            return file.settings().getOrDefault(flag.name, List.of());
        }

        String source(Flag flag) {
            if (flags.containsKey(flag.name)) {
                return flag.option();
            }
            String value = flag.env == null ? null : env.get(flag.env);
            if (value != null && !value.isBlank()) {
                return flag.env;
            }
            return file.settings().containsKey(flag.name) ? file.name() + ": " + flag.name : flag.option();
        }
    }
}
