package passcom.server.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.cpf.Cpf;
import passcom.core.cpf.InvalidCpf;
import passcom.server.http.InvalidToken;

/**
 * Verifies any federation airline's access token (see {@link AccessTokens} for the format), following
 * RFC 8725 (JWT Best Current Practices): the algorithm must be exactly ES256 (so {@code none}, HMAC and any
 * other are refused before any key is looked at, §3.1), the issuer must be an airline of the federation,
 * the {@code kid} must name one of that issuer's published keys, the signature must verify, and {@code exp}
 * must be after the injected clock's now. Every refusal is an {@link InvalidToken}; the reason is logged
 * (never the token, which carries a CPF).
 *
 * <p>Keys: each issuer's JWK set is fetched once ({@link IssuerKeys}) and kept; a {@code kid} not in it
 * (the issuer rotated) fetches it again, at most once per {@link #REFETCH_AFTER} per issuer, so forged
 * kids cannot make this server hammer a peer.
 *
 * <p>Cost: an ES256 verification takes a few hundred microseconds, so tokens already verified are kept
 * ({@link #CACHED} at most, the oldest forgotten first) and a repeat costs a map look-up plus the expiry
 * check, which is never skipped. Thread-safe.
 */
public final class TokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
    static final Duration REFETCH_AFTER = Duration.ofSeconds(10);
    static final int CACHED = 10_000;

    private final Set<String> federation;
    private final IssuerKeys issuerKeys;
    private final Clock clock;
    private final Map<String, JWKSet> keySets = new ConcurrentHashMap<>();
    private final Map<String, Instant> fetchedAt = new ConcurrentHashMap<>();
    private final Map<String, ECDSAVerifier> verifiers = new ConcurrentHashMap<>();
    private final Map<String, VerifiedToken> verified = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
            return size() > CACHED;
        }
    };

    public TokenVerifier(Set<String> federation, IssuerKeys issuerKeys, Clock clock) {
        this.federation = Set.copyOf(federation);
        this.issuerKeys = issuerKeys;
        this.clock = clock;
    }

    /** The token's subject and issuer. @throws InvalidToken for any reason it is not acceptable now */
    public VerifiedToken verify(String token) {
        VerifiedToken known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null) {
            if (!known.expiresAt().isAfter(clock.instant())) {
                throw refuse("expired");
            }
            return known;
        }
        VerifiedToken fresh = verifyAfresh(token);
        synchronized (verified) {
            verified.put(token, fresh);
        }
        return fresh;
    }

    private VerifiedToken verifyAfresh(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token); // alg "none" is not a JWS: refused here
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refuse("not a signed JWT");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw refuse("algorithm " + jwt.getHeader().getAlgorithm() + " is not ES256");
        }
        String issuer = claims.getIssuer();
        if (issuer == null || !federation.contains(issuer)) {
            throw refuse("issuer is not an airline of the federation");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            throw refuse("no kid");
        }
        ECDSAVerifier verifier = verifierFor(issuer, kid).orElseThrow(() -> refuse("unknown key of " + issuer));
        try {
            if (!jwt.verify(verifier)) {
                throw refuse("bad signature (issuer " + issuer + ")");
            }
        } catch (JOSEException e) {
            throw refuse("signature not verifiable: " + e.getMessage());
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw refuse("no exp");
        }
        Instant expiresAt = expiry.toInstant();
        if (!expiresAt.isAfter(clock.instant())) {
            throw refuse("expired");
        }
        if (expiresAt.isAfter(clock.instant().plus(AccessTokens.LIFETIME).plusSeconds(60))) {
            throw refuse("lifetime longer than " + AccessTokens.LIFETIME);
        }
        String subject = claims.getSubject();
        if (subject == null) {
            throw refuse("no sub");
        }
        try {
            return new VerifiedToken(new Cpf(subject), issuer, expiresAt);
        } catch (InvalidCpf e) {
            throw refuse("subject is not a CPF");
        }
    }

    private Optional<ECDSAVerifier> verifierFor(String issuer, String kid) {
        String name = issuer + " " + kid;
        ECDSAVerifier cached = verifiers.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        JWKSet set = keySets.get(issuer);
        if (set == null || set.getKeyByKeyId(kid) == null) {
            Instant last = fetchedAt.get(issuer);
            if (last == null || last.isBefore(clock.instant().minus(REFETCH_AFTER))) {
                fetchedAt.put(issuer, clock.instant());
                Optional<JWKSet> fetched = issuerKeys.fetch(issuer);
                if (fetched.isPresent()) {
                    set = fetched.get();
                    keySets.put(issuer, set);
                }
            }
        }
        JWK key = set == null ? null : set.getKeyByKeyId(kid);
        if (!(key instanceof ECKey ec)) {
            return Optional.empty();
        }
        try {
            ECDSAVerifier verifier = new ECDSAVerifier(ec.toECPublicKey());
            verifiers.put(name, verifier);
            return Optional.of(verifier);
        } catch (JOSEException e) {
            LOG.warn("airline {} publishes key {} that is not a usable P-256 key: {}", issuer, kid, e.getMessage());
            return Optional.empty();
        }
    }

    private static InvalidToken refuse(String reason) {
        LOG.info("access token refused: {}", reason);
        return InvalidToken.refused();
    }
}
