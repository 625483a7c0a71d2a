package passcom.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import passcom.core.money.Money;
import passcom.server.auth.FederationSigner;

/**
 * How the text of a flag, a PASSCOM_* variable or a config-file setting becomes a typed value: one picocli
 * converter per type. A converter's error says what is wrong with the text; {@link ServerFlags} puts where the
 * text came from in front ({@code --port}, {@code PASSCOM_PORT} or {@code FILE: port}).
 */
final class FlagTypes {

    private static final String ID = "[A-Za-z0-9_-]{1,16}";
    /** The stores core can open. */
    private static final List<String> JDBC_PREFIXES = List.of("jdbc:postgresql:", "jdbc:sqlite:");

    private FlagTypes() {
    }

    /** A peer airline's instance, from {@code ID=URL}. */
    record Peer(String id, URI url) {
    }

    /** The admin port of {@code GET /metrics}: a port, or none ({@code off}). */
    record MetricsPort(Optional<Integer> port) {
    }

    static final ITypeConverter<String> TEXT = text -> text;

    static final ITypeConverter<Path> PATH = Path::of;

    static final ITypeConverter<String> AIRLINE_ID = text -> {
        if (!text.matches(ID)) {
            throw new TypeConversionException("airline id must be 1-16 letters, digits, '_' or '-', got '" + text + "'");
        }
        return text;
    };

    static final ITypeConverter<Integer> PORT = FlagTypes::port;

    static final ITypeConverter<MetricsPort> METRICS_PORT = text ->
            new MetricsPort("off".equalsIgnoreCase(text.strip()) ? Optional.empty() : Optional.of(port(text)));

    static final ITypeConverter<Money> PRICE = text -> {
        try {
            Money price = Money.of(text.strip());
            if (!price.isPositive()) {
                throw new TypeConversionException("price per 100 km must be positive, got " + text);
            }
            return price;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("price must be a number like 115 or 115.50, got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("price " + e.getMessage());
        }
    };

    /** A file that must exist when the server starts. */
    static final ITypeConverter<Path> EXISTING_FILE = text -> {
        Path path = Path.of(text);
        if (!Files.isRegularFile(path)) {
            throw new TypeConversionException("no such file " + path.toAbsolutePath());
        }
        return path;
    };

    /** The store's JDBC URL; a wrong one is echoed with any password hidden. */
    static final ITypeConverter<String> STORE_URL = text -> {
        String url = text.strip();
        if (JDBC_PREFIXES.stream().noneMatch(url::startsWith)) {
            throw new TypeConversionException("the store URL must start with jdbc:postgresql: or jdbc:sqlite:, got '"
                    + url.replaceAll("(?i)password=[^&;]*", "password=***") + "'");
        }
        return url;
    };

    /** "3s", "500ms", "2m" or plain milliseconds; never zero or negative. */
    static final ITypeConverter<Duration> DURATION = text -> {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofMillis(Long.parseLong(t));
            }
        } catch (NumberFormatException e) {
            throw new TypeConversionException("duration must look like 500ms, 3s or 2m, got '" + text + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new TypeConversionException("duration must be positive, got '" + text + "'");
        }
        return d;
    };

    /** A switch's value from a variable or a file (the bare flag means on). */
    static final ITypeConverter<Boolean> ON_OFF = text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "sim", "on" -> true;
        case "false", "0", "no", "não", "nao", "off" -> false;
        default -> throw new TypeConversionException("must be on or off (true or false), got '" + text + "'");
    };

    /** "SECRET@2026-12-02T03:00:00Z": the secret being rotated out and the instant it stops being accepted. */
    static final ITypeConverter<FederationSigner.PreviousSecret> PREVIOUS_SECRET = text -> {
        int at = text.lastIndexOf('@');
        if (at <= 0) {
            throw new TypeConversionException("give the previous secret and its expiry as SECRET@2026-12-02T03:00:00Z");
        }
        try {
            return new FederationSigner.PreviousSecret(text.substring(0, at), Instant.parse(text.substring(at + 1).strip()));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("the expiry after '@' must be an instant like 2026-12-02T03:00:00Z, got '"
                    + text.substring(at + 1) + "'");
        }
    };

    static final ITypeConverter<ServerFlags.LogFormat> LOG_FORMAT = text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "text" -> ServerFlags.LogFormat.TEXT;
        case "json" -> ServerFlags.LogFormat.JSON;
        default -> throw new TypeConversionException("log format must be text or json, got '" + text + "'");
    };

    /** One entry of a peer list; a blank entry (as in {@code A=...,,B=...}) is none. */
    static final ITypeConverter<Peer> PEER = text -> {
        String e = text.strip();
        if (e.isEmpty()) {
            return null;
        }
        int eq = e.indexOf('=');
        if (eq <= 0) {
            throw new TypeConversionException("peer must be ID=URL, like B=http://127.0.0.1:65434, got '" + e + "'");
        }
        String id = e.substring(0, eq).strip();
        if (!id.matches(ID)) {
            throw new TypeConversionException("peer id must be 1-16 letters, digits, '_' or '-', got '" + id + "'");
        }
        return new Peer(id, peerUrl(id, e.substring(eq + 1).strip()));
    };

    /** How a default duration is written in help, in the flags' own syntax. */
    static String durationText(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("port must be a number, got '" + text + "'");
        }
        if (port < 0 || port > 65535) {
            throw new TypeConversionException("port must be 0-65535, got " + port);
        }
        return port;
    }

    private static URI peerUrl(String id, String text) {
        try {
            URI url = new URI(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new TypeConversionException("peer " + id + " needs an http(s) URL with a host, got '" + text + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new TypeConversionException("peer " + id + " has a malformed URL '" + text + "'");
        }
    }
}
