package passcom.server.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import passcom.core.account.Accounts;

/**
 * This airline's token signing keys: ES256 (ECDSA on P-256, RFC 7518 §3.4) key pairs kept durably in its
 * store (every instance of the airline shares them), the newest signing, all of them published at
 * {@code /.well-known/jwks.json}.
 *
 * <p>Rotation with overlap: at start, a key older than {@link #ROTATE_AFTER} is replaced by a new one
 * ({@link #rotate} does it at once). The replaced key stays published for {@link #OVERLAP} after its
 * successor appeared (longer than an access token lives), so tokens it signed keep verifying until they
 * expire; then it is deleted. Thread-safe: the key list is replaced whole.
 */
public final class SigningKeys {

    public static final Duration ROTATE_AFTER = Duration.ofDays(30);
    public static final Duration OVERLAP = AccessTokens.LIFETIME.plusMinutes(5);

    private final Accounts store;
    private final Clock clock;
    private volatile List<ECKey> keys;

    private SigningKeys(Accounts store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.keys = load(store);
    }

    /** The stored keys; a first key is made when there is none, a new one when the newest is past {@link #ROTATE_AFTER}. */
    public static SigningKeys open(Accounts store, Clock clock) {
        SigningKeys keys = new SigningKeys(store, clock);
        if (keys.keys.isEmpty() || createdAt(keys.current()).isBefore(clock.instant().minus(ROTATE_AFTER))) {
            keys.rotate();
        }
        return keys;
    }

    /** The key that signs now (the newest). */
    public ECKey current() {
        List<ECKey> now = keys;
        return now.get(now.size() - 1);
    }

    /** Every key still published, public parts only. */
    public JWKSet publicKeys() {
        return new JWKSet(new ArrayList<JWK>(keys)).toPublicJWKSet();
    }

    /** Makes and stores a new signing key, durably, and forgets keys retired longer than {@link #OVERLAP} ago. */
    public synchronized void rotate() {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
        store.addSigningKey(key.getKeyID(), key.toJSONString());
        List<ECKey> all = load(store);
        // A key retires when its successor appears; past the overlap no live token can name it.
        Instant cutoff = clock.instant().minus(OVERLAP);
        List<String> retired = new ArrayList<>();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (!createdAt(all.get(i + 1)).isAfter(cutoff)) {
                retired.add(all.get(i).getKeyID());
            }
        }
        if (!retired.isEmpty()) {
            store.dropSigningKeys(retired);
        }
        keys = load(store);
    }

    private static List<ECKey> load(Accounts store) {
        List<ECKey> loaded = new ArrayList<>();
        for (String json : store.signingKeys()) {
            try {
                loaded.add(ECKey.parse(json));
            } catch (ParseException e) {
                throw new IllegalStateException("a stored signing key is not an EC JWK", e);
            }
        }
        return List.copyOf(loaded);
    }

    private static Instant createdAt(ECKey key) {
        return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
    }
}
