package passcom.client.api;

import passcom.api.Codigo;
import java.time.Duration;
import java.util.Optional;

/**
 * 429: the server refused the call because this address made too many of that kind (logins, sign-ups,
 * look-ups by localizador) too quickly. Nothing was done; {@link #retryAfter()} is the server's
 * {@code Retry-After}, when it sent one in seconds.
 */
public final class RateLimited extends PasscomException {

    private final Duration retryAfter;

    public RateLimited(String serverMessage, Duration retryAfter) {
        super("rate limited: " + serverMessage, serverMessage, Codigo.MUITAS_TENTATIVAS, null);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
