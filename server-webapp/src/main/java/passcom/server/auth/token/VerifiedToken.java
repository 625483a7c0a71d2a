package passcom.server.auth.token;

import java.time.Instant;
import passcom.core.cpf.Cpf;

/** What a valid access token says: whose it is, which airline issued it (the account's home), until when. */
public record VerifiedToken(Cpf cpf, String issuer, Instant expiresAt) {

    @Override
    public String toString() {
        return "VerifiedToken[issuer=" + issuer + ", expiresAt=" + expiresAt + "]";
    }
}
