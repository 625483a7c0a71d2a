package passcom.server.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.Optional;

/** Where the verifier gets an airline's published keys: its own from memory, a peer's from its JWKS endpoint. */
@FunctionalInterface
public interface IssuerKeys {

    /** The airline's current JWK set, or empty when it cannot be had now (the airline does not answer). */
    Optional<JWKSet> fetch(String airline);
}
