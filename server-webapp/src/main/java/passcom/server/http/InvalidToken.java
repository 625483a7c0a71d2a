package passcom.server.http;

/**
 * A customer request without a usable access token where one is needed: none, malformed, tampered, expired,
 * of an unknown issuer or of a forbidden algorithm. Maps to 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750 §3); the message is for the customer and never says more than "sign in again".
 */
public final class InvalidToken extends RuntimeException {

    /** No token where one is needed. */
    public static InvalidToken missing() {
        return new InvalidToken("Entre na sua conta para ver suas passagens (cabeçalho Authorization: Bearer ausente).");
    }

    /** A token that does not verify, whatever the reason (the reason goes to the log, never to the answer). */
    public static InvalidToken refused() {
        return new InvalidToken("Sessão inválida ou expirada; entre de novo.");
    }

    private InvalidToken(String message) {
        super(message, null, false, false);
    }
}
