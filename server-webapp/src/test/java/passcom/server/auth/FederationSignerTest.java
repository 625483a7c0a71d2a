package passcom.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import passcom.server.http.Unauthenticated;

class FederationSignerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final byte[] BODY = "{\"id_transacao\":\"t1\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/rollback";

    private final FederationSigner signer = signerAt(NOW, "secret");

    @Test
    void when_a_call_is_signed_with_the_shared_secret_then_it_verifies_and_names_the_sender() {
        Map<String, String> headers = signer.sign("B", "POST", PATH, BODY);

        assertThat(signer.verify("POST", PATH, BODY, headers::get)).isEqualTo("B");
    }

    @Test
    void when_the_body_is_tampered_then_it_is_rejected() {
        Map<String, String> headers = signer.sign("B", "POST", PATH, BODY);
        byte[] tampered = "{\"id_transacao\":\"t2\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signer.verify("POST", PATH, tampered, headers::get))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("assinatura inválida");
    }

    @Test
    void when_path_query_method_or_sender_change_then_it_is_rejected() {
        Map<String, String> headers = signer.sign("B", "GET", "/decisao_servidor?id_transacao=t1", new byte[0]);
        Map<String, String> otherSender = new HashMap<>(headers);
        otherSender.put(FederationSigner.SENDER, "C");

        assertThatThrownBy(() -> signer.verify("GET", "/decisao_servidor?id_transacao=t2", new byte[0], headers::get))
                .isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> signer.verify("POST", "/decisao_servidor?id_transacao=t1", new byte[0], headers::get))
                .isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> signer.verify("GET", "/decisao_servidor?id_transacao=t1", new byte[0], otherSender::get))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void when_signed_with_another_secret_then_it_is_rejected() {
        Map<String, String> headers = signerAt(NOW, "other").sign("B", "POST", PATH, BODY);

        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, headers::get))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("assinatura inválida");
    }

    @Test
    void when_the_timestamp_is_outside_the_window_then_it_is_rejected_both_ways() {
        Map<String, String> old = signerAt(NOW.minusSeconds(31), "secret").sign("B", "POST", PATH, BODY);
        Map<String, String> future = signerAt(NOW.plusSeconds(31), "secret").sign("B", "POST", PATH, BODY);
        Map<String, String> justInside = signerAt(NOW.minusSeconds(30), "secret").sign("B", "POST", PATH, BODY);

        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, old::get)).hasMessageContaining("janela");
        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, future::get)).hasMessageContaining("janela");
        assertThat(signer.verify("POST", PATH, BODY, justInside::get)).isEqualTo("B");
    }

    @Test
    void when_headers_are_missing_or_garbled_then_it_is_rejected() {
        Map<String, String> headers = new HashMap<>(signer.sign("B", "POST", PATH, BODY));
        Map<String, String> noSignature = new HashMap<>(headers);
        noSignature.remove(FederationSigner.SIGNATURE);
        Map<String, String> badTimestamp = new HashMap<>(headers);
        badTimestamp.put(FederationSigner.TIMESTAMP, "yesterday");

        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, name -> null)).hasMessageContaining("faltam");
        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, noSignature::get)).hasMessageContaining("faltam");
        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, badTimestamp::get)).hasMessageContaining("carimbo");
    }

    @Test
    void when_a_verified_call_is_sent_again_inside_the_window_then_the_replay_is_rejected() {
        Map<String, String> headers = signer.sign("B", "POST", PATH, BODY);

        assertThat(signer.verify("POST", PATH, BODY, headers::get)).isEqualTo("B");
        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, headers::get))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("repetida");
    }

    @Test
    void when_two_calls_are_signed_then_each_has_its_own_nonce_and_both_verify() {
        Map<String, String> first = signer.sign("B", "POST", PATH, BODY);
        Map<String, String> second = signer.sign("B", "POST", PATH, BODY);

        assertThat(first.get(FederationSigner.NONCE)).isNotEqualTo(second.get(FederationSigner.NONCE));
        assertThat(signer.verify("POST", PATH, BODY, first::get)).isEqualTo("B");
        assertThat(signer.verify("POST", PATH, BODY, second::get)).isEqualTo("B");
    }

    @Test
    void when_the_nonce_is_changed_then_the_signature_no_longer_matches() {
        Map<String, String> headers = new HashMap<>(signer.sign("B", "POST", PATH, BODY));
        headers.put(FederationSigner.NONCE, "AAAAAAAAAAAAAAAAAAAAAA");

        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, headers::get)).hasMessageContaining("assinatura inválida");
    }

    @Test
    void when_a_badly_signed_call_carries_a_nonce_then_the_nonce_is_not_burnt_for_the_real_call() {
        Map<String, String> genuine = signer.sign("B", "POST", PATH, BODY);
        Map<String, String> forged = new HashMap<>(genuine);
        forged.put(FederationSigner.SIGNATURE, "00");

        assertThatThrownBy(() -> signer.verify("POST", PATH, BODY, forged::get)).hasMessageContaining("assinatura inválida");
        assertThat(signer.verify("POST", PATH, BODY, genuine::get)).isEqualTo("B");
    }

    @Test
    void when_the_nonce_memory_is_full_of_live_nonces_then_new_calls_are_refused_until_old_ones_expire() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        FederationSigner small = new FederationSigner("secret", java.util.Optional.empty(), moving, Duration.ofSeconds(30), new ReplayGuard(2));
        Map<String, String> a = small.sign("B", "POST", PATH, BODY);
        Map<String, String> b = small.sign("B", "POST", PATH, BODY);
        Map<String, String> c = small.sign("B", "POST", PATH, BODY);
        small.verify("POST", PATH, BODY, a::get);
        small.verify("POST", PATH, BODY, b::get);

        assertThatThrownBy(() -> small.verify("POST", PATH, BODY, c::get)).isInstanceOf(ReplayMemoryFull.class);
        now[0] = NOW.plusSeconds(31);
        Map<String, String> d = small.sign("B", "POST", PATH, BODY);
        assertThat(small.verify("POST", PATH, BODY, d::get)).isEqualTo("B");
        assertThatThrownBy(() -> small.verify("POST", PATH, BODY, a::get)).hasMessageContaining("janela");
    }

    private static FederationSigner signerAt(Instant instant, String secret) {
        return new FederationSigner(secret, Clock.fixed(instant, ZoneOffset.UTC), Duration.ofSeconds(30));
    }
}
