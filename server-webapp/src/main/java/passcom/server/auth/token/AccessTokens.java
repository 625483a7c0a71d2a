package passcom.server.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import passcom.core.cpf.Cpf;

/**
 * Issues this airline's access tokens: JWS compact JWTs (RFC 7519) signed ES256 with the current
 * {@link SigningKeys} key, header {@code kid} and {@code typ: JWT}; claims {@code iss} (this airline's id),
 * {@code sub} (the CPF's 11 digits), {@code iat}, {@code exp} ({@link #LIFETIME} later) and a random
 * {@code jti}. Thread-safe.
 */
public final class AccessTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    /** A signed token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    private final String airline;
    private final SigningKeys keys;
    private final Clock clock;

    public AccessTokens(String airline, SigningKeys keys, Clock clock) {
        this.airline = airline;
        this.keys = keys;
        this.clock = clock;
    }

    public Issued issue(Cpf cpf) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(LIFETIME);
        ECKey key = keys.current();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(airline)
                .subject(cpf.digits())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
        return new Issued(jwt.serialize(), expires);
    }
}
