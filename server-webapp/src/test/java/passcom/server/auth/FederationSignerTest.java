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

    private static FederationSigner signerAt(Instant instant, String secret) {
        return new FederationSigner(secret, Clock.fixed(instant, ZoneOffset.UTC), Duration.ofSeconds(30));
    }
}
