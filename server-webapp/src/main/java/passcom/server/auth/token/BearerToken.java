package passcom.server.auth.token;

import java.util.Locale;
import java.util.Optional;
import passcom.server.http.IncomingRequest;
import passcom.server.http.InvalidToken;

/** Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1) and verifies the token. */
public final class BearerToken {

    private final TokenVerifier verifier;

    public BearerToken(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Empty without an Authorization header. @throws InvalidToken a header that is not a valid bearer token */
    public Optional<VerifiedToken> of(IncomingRequest request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw InvalidToken.refused();
        }
        return Optional.of(verifier.verify(value.substring("bearer ".length()).strip()));
    }

    /** @throws InvalidToken none, or not valid */
    public VerifiedToken required(IncomingRequest request) {
        return of(request).orElseThrow(InvalidToken::missing);
    }
}
