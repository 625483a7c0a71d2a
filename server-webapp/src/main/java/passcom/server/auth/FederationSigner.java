package passcom.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import passcom.server.http.Unauthenticated;

/**
 * Signs and verifies server-to-server calls with HMAC-SHA256 (RFC 2104) under the federation's shared
 * secret. The MAC covers the method, the raw path with its query, the sender's airline id, a timestamp
 * (epoch seconds) and the SHA-256 of the body, so none of them can be changed without the secret.
 *
 * <p>A signature older or newer than the replay window is rejected. Inside the window a captured call can
 * be replayed, and that is harmless by design: every server message is idempotent by transaction id
 * (prepare answers its first vote, commit and abort apply once, lookups change nothing), so the replay
 * gets the same answer and changes nothing. Signatures are compared in constant time. Thread-safe.
 */
public final class FederationSigner {

    public static final String TIMESTAMP = "X-Passcom-Timestamp";
    public static final String SENDER = "X-Passcom-Sender";
    public static final String SIGNATURE = "X-Passcom-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration window;

    public FederationSigner(String secret, Clock clock, Duration window) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the federation secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The headers that authenticate this call from {@code sender}. */
    public Map<String, String> sign(String sender, String method, String pathAndQuery, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return Map.of(TIMESTAMP, timestamp, SENDER, sender,
                SIGNATURE, mac(method, pathAndQuery, timestamp, sender, body));
    }

    /**
     * Returns the sender's airline id when the call is signed with our secret inside the replay window.
     *
     * @param header the request's header by name, null when absent
     * @throws Unauthenticated missing headers, a timestamp outside the window, or a wrong signature
     */
    public String verify(String method, String pathAndQuery, byte[] body, UnaryOperator<String> header) {
        String timestamp = header.apply(TIMESTAMP);
        String sender = header.apply(SENDER);
        String signature = header.apply(SIGNATURE);
        if (timestamp == null || sender == null || signature == null) {
            throw new Unauthenticated("faltam os cabeçalhos " + TIMESTAMP + ", " + SENDER + " e " + SIGNATURE);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Unauthenticated("carimbo de tempo inválido");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > window.toSeconds()) {
            throw new Unauthenticated("carimbo de tempo fora da janela de " + window.toSeconds() + " s");
        }
        byte[] expected = mac(method, pathAndQuery, timestamp, sender, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new Unauthenticated("assinatura inválida");
        }
        return sender;
    }

    private String mac(String method, String pathAndQuery, String timestamp, String sender, byte[] body) {
        try {
            String bodyHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            String canonical = String.join("\n", method, pathAndQuery, timestamp, sender, bodyHash);
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JRE", e);
        }
    }
}
