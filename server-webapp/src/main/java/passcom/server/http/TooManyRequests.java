package passcom.server.http;

/** A client address past its rate limit (429 with {@code Retry-After}, RFC 6585 §4). Nothing was done. */
public final class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("Muitas tentativas deste endereço; tente de novo em " + retryAfterSeconds + " s.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
