package passcom.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import passcom.server.http.Unauthenticated;

/**
 * Signs and verifies server-to-server calls with HMAC-SHA256 (RFC 2104) under the federation's shared
 * secret. The MAC covers the method, the raw path with its query, the sender's airline id, a timestamp
 * (epoch seconds), a random nonce and the SHA-256 of the body, so none of them can be changed without the
 * secret.
 *
 * <p>A call is refused when a header is missing, the signature is wrong, its timestamp is outside the replay
 * window (either side of now), or its nonce was already used inside the window ({@link ReplayGuard}): a
 * captured call cannot be sent again, not even one whose effect would be idempotent. Each {@link #sign}
 * draws a fresh nonce, so a retry by the protocol is a new call.
 *
 * <p>Secret rotation: calls are always signed with the current secret; a previous secret, when given, is
 * still accepted until its expiry, so airlines can move to the new secret one at a time. After the expiry
 * a call signed with it is refused like any wrong signature. Signatures are compared in constant time.
 * Thread-safe.
 */
public final class FederationSigner {

    public static final String TIMESTAMP = "X-Passcom-Timestamp";
    public static final String SENDER = "X-Passcom-Sender";
    public static final String NONCE = "X-Passcom-Nonce";
    public static final String SIGNATURE = "X-Passcom-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    /** 16 random bytes, URL-safe Base64 without padding: 22 characters; accept 16–64 of that alphabet. */
    private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A secret being rotated out: accepted on incoming calls until {@code until}, never used to sign. */
    public record PreviousSecret(String secret, Instant until) {
        public PreviousSecret {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(until, "until");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("the previous federation secret is empty");
            }
        }
    }

    /** Each thread's SHA-256 of the body: looking the algorithm up cost as much as hashing a peer message. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    });

    private final HmacKey key;
    private final Optional<HmacKey> previousKey;
    private final Instant previousUntil;
    private final Clock clock;
    private final Duration window;
    private final ReplayGuard replays;

    /** One secret, no rotation, its own nonce memory of {@link ReplayGuard#DEFAULT_CAPACITY}. */
    public FederationSigner(String secret, Clock clock, Duration window) {
        this(secret, Optional.empty(), clock, window, new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY));
    }

    public FederationSigner(String secret, Optional<PreviousSecret> previous, Clock clock, Duration window, ReplayGuard replays) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the federation secret is empty");
        }
        this.key = keyOf(secret);
        this.previousKey = previous.map(p -> keyOf(p.secret()));
        this.previousUntil = previous.map(PreviousSecret::until).orElse(Instant.MIN);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.replays = Objects.requireNonNull(replays, "replays");
    }

    /** The headers that authenticate this call from {@code sender}; a fresh nonce each time. */
    public Map<String, String> sign(String sender, String method, String pathAndQuery, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return Map.of(TIMESTAMP, timestamp, SENDER, sender, NONCE, nonce,
                SIGNATURE, mac(key, method, pathAndQuery, timestamp, sender, nonce, body));
    }

    /**
     * Returns the sender's airline id when the call is signed with an accepted secret inside the replay window
     * and its nonce is new. Only then is the nonce remembered: a refused call leaves nothing behind.
     *
     * @param header the request's header by name, null when absent
     * @throws Unauthenticated missing headers, a timestamp outside the window, a wrong signature, a replayed nonce
     * @throws ReplayMemoryFull too many live nonces to remember one more (nothing was done; retry)
     */
    public String verify(String method, String pathAndQuery, byte[] body, UnaryOperator<String> header) {
        String timestamp = header.apply(TIMESTAMP);
        String sender = header.apply(SENDER);
        String nonce = header.apply(NONCE);
        String signature = header.apply(SIGNATURE);
        if (timestamp == null || sender == null || nonce == null || signature == null) {
            throw new Unauthenticated("faltam os cabeçalhos " + TIMESTAMP + ", " + SENDER + ", " + NONCE + " e " + SIGNATURE);
        }
        if (!NONCE_FORMAT.matcher(nonce).matches()) {
            throw new Unauthenticated(NONCE + " deve ter de 16 a 64 letras, dígitos, '-' ou '_'");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Unauthenticated("carimbo de tempo inválido");
        }
        Instant now = clock.instant();
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > window.toSeconds()) {
            throw new Unauthenticated("carimbo de tempo fora da janela de " + window.toSeconds() + " s");
        }
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        boolean current = matches(key, given, method, pathAndQuery, timestamp, sender, nonce, body);
        boolean previous = !current && previousKey.isPresent()
                && matches(previousKey.get(), given, method, pathAndQuery, timestamp, sender, nonce, body);
        if (previous && !now.isBefore(previousUntil)) {
            throw new Unauthenticated("assinatura com o segredo anterior, que expirou em " + previousUntil);
        }
        if (!current && !previous) {
            throw new Unauthenticated("assinatura inválida");
        }
        switch (replays.admit(sender + " " + nonce, seconds + window.toSeconds(), now.getEpochSecond())) {
            case REPLAYED -> throw new Unauthenticated("chamada repetida (nonce já usado); nada foi feito");
            case FULL -> throw new ReplayMemoryFull();
            case FIRST_USE -> {
                // accepted
            }
        }
        return sender;
    }

    private static boolean matches(HmacKey key, byte[] given, String method, String pathAndQuery, String timestamp,
                                   String sender, String nonce, byte[] body) {
        byte[] expected = mac(key, method, pathAndQuery, timestamp, sender, nonce, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static HmacKey keyOf(String secret) {
        return new HmacKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    }

    private static String mac(HmacKey key, String method, String pathAndQuery, String timestamp, String sender,
                              String nonce, byte[] body) {
        String bodyHash = Base64.getEncoder().encodeToString(SHA256.get().digest(body));
        String canonical = String.join("\n", method, pathAndQuery, timestamp, sender, nonce, bodyHash);
        return HexFormat.of().formatHex(key.mac().doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A secret with each thread's {@link Mac} already initialised with it: {@code Mac.getInstance} and
     * {@code init} (a provider lookup and the key schedule) on every call were most of the cost of signing.
     * {@code doFinal} resets the Mac to its key, so the next call starts clean.
     */
    private static final class HmacKey {
        private final ThreadLocal<Mac> macs;

        HmacKey(SecretKeySpec key) {
            this.macs = ThreadLocal.withInitial(() -> {
                try {
                    Mac mac = Mac.getInstance(ALGORITHM);
                    mac.init(key);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HMAC-SHA256 is part of every JRE", e);
                }
            });
        }

        Mac mac() {
            return macs.get();
        }
    }
}
