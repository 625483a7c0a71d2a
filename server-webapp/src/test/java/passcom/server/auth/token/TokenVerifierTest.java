package passcom.server.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;
import passcom.core.account.Accounts;
import passcom.core.account.PasswordHasher;
import passcom.core.cpf.Cpf;
import passcom.core.store.Store;
import passcom.server.http.InvalidToken;

/** Keys, rotation and verification of access tokens, with a clock the test moves. */
class TokenVerifierTest {

    private static final Cpf ANA = Cpf.parse("529.982.247-25");

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private Store storeA;
    private Store storeB;
    private SigningKeys keysA;
    private SigningKeys keysB;
    private final AtomicInteger fetchesOfB = new AtomicInteger();

    @BeforeEach
    void open() {
        storeA = Store.open("jdbc:sqlite:" + dir.resolve("a.db"), Duration.ofSeconds(5));
        storeB = Store.open("jdbc:sqlite:" + dir.resolve("b.db"), Duration.ofSeconds(5));
        keysA = SigningKeys.open(new Accounts("A", storeA, new PasswordHasher(), clock), clock);
        keysB = SigningKeys.open(new Accounts("B", storeB, new PasswordHasher(), clock), clock);
    }

    @AfterEach
    void close() {
        storeA.close();
        storeB.close();
    }

    /** A's verifier: its own keys from memory, B's as B publishes them now (counted). */
    private TokenVerifier verifierAtA() {
        Map<String, SigningKeys> published = Map.of("A", keysA, "B", keysB);
        return new TokenVerifier(Set.of("A", "B"), issuer -> {
            if (issuer.equals("B")) {
                fetchesOfB.incrementAndGet();
            }
            return Optional.ofNullable(published.get(issuer)).map(SigningKeys::publicKeys);
        }, clock);
    }

    @Test
    void when_a_peer_signs_a_token_then_it_verifies_here_until_it_expires_even_from_the_cache() {
        TokenVerifier verifier = verifierAtA();
        String token = new AccessTokens("B", keysB, clock).issue(ANA).token();

        VerifiedToken verified = verifier.verify(token);
        assertThat(verified.cpf()).isEqualTo(ANA);
        assertThat(verified.issuer()).isEqualTo("B");
        assertThat(verifier.verify(token)).isEqualTo(verified);

        clock.add(AccessTokens.LIFETIME);
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void when_a_peer_rotates_its_key_then_old_tokens_verify_until_they_expire_and_new_ones_after_one_refetch() {
        TokenVerifier verifier = verifierAtA();
        AccessTokens tokensOfB = new AccessTokens("B", keysB, clock);
        String old = tokensOfB.issue(ANA).token();
        verifier.verify(old);

        clock.add(Duration.ofMinutes(1));
        keysB.rotate();
        String fresh = tokensOfB.issue(ANA).token();
        clock.add(TokenVerifier.REFETCH_AFTER);

        assertThat(verifier.verify(fresh).cpf()).isEqualTo(ANA);
        assertThat(fetchesOfB.get()).isEqualTo(2);
        assertThat(keysB.publicKeys().getKeys()).hasSize(2);
        assertThat(new TokenVerifier(Set.of("A", "B"), issuer -> Optional.of(keysB.publicKeys()), clock).verify(old).cpf()).isEqualTo(ANA);
    }

    @Test
    void when_keys_rotate_past_the_overlap_then_the_retired_key_is_no_longer_published() {
        String firstKid = keysA.current().getKeyID();
        clock.add(Duration.ofSeconds(1)); // keys are ordered by creation time
        keysA.rotate();
        assertThat(keysA.publicKeys().getKeyByKeyId(firstKid)).as("within the overlap").isNotNull();

        clock.add(SigningKeys.OVERLAP.plusSeconds(1));
        keysA.rotate();

        assertThat(keysA.publicKeys().getKeyByKeyId(firstKid)).isNull();
        assertThat(keysA.publicKeys().getKeys()).hasSize(2);
    }

    @Test
    void when_keys_are_reopened_then_they_are_the_stored_ones_and_signing_goes_on_with_the_newest() {
        String kid = keysA.current().getKeyID();

        SigningKeys reopened = SigningKeys.open(new Accounts("A", storeA, new PasswordHasher(), clock), clock);

        assertThat(reopened.current().getKeyID()).isEqualTo(kid);
        clock.add(SigningKeys.ROTATE_AFTER.plusSeconds(1));
        assertThat(SigningKeys.open(new Accounts("A", storeA, new PasswordHasher(), clock), clock).current().getKeyID()).isNotEqualTo(kid);
    }

    @Test
    void when_tokens_name_unknown_kids_then_the_issuer_is_asked_again_at_most_once_per_interval() {
        TokenVerifier verifier = verifierAtA();
        verifier.verify(new AccessTokens("B", keysB, clock).issue(ANA).token());
        SigningKeys impostor = SigningKeys.open(new Accounts("B", Store.open("jdbc:sqlite:" + dir.resolve("x.db"), Duration.ofSeconds(5)),
                new PasswordHasher(), clock), clock);

        for (int i = 0; i < 50; i++) {
            String forged = new AccessTokens("B", impostor, clock).issue(ANA).token();
            assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidToken.class);
        }

        assertThat(fetchesOfB.get()).isEqualTo(1);
    }

    @Test
    void when_the_jwks_is_serialised_then_it_holds_no_private_part() {
        JWKSet published = keysA.publicKeys();

        assertThat(published.toString()).doesNotContain("\"d\"");
        assertThat(published.getKeys().get(0).isPrivate()).isFalse();
    }
}
