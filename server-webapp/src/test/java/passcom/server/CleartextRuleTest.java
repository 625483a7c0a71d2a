package passcom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain HTTP only where it cannot leave the machine; the TLS flags come as a set of three (docs/tls.md). */
class CleartextRuleTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "127.255.0.9", "localhost", "LOCALHOST", "::1", "[::1]"})
    void loopback_addresses_may_serve_plain_http(String host) {
        assertThat(CleartextRule.isLoopback(host)).isTrue();
        assertThat(CleartextRule.check(config("--host", host))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.2", "10.0.0.1", "airline-a", "128.0.0.1", "127.example.com"})
    void other_addresses_are_refused_plain_http_with_what_to_do(String host) {
        assertThatThrownBy(() -> CleartextRule.check(config("--host", host)))
                .isInstanceOf(BadFlag.class).hasMessageContaining(host).hasMessageContaining("--tls-cert").hasMessageContaining("--inseguro");
    }

    @Test
    void inseguro_allows_plain_http_anywhere_and_says_what_is_exposed() {
        List<String> warnings = CleartextRule.check(config("--host", "0.0.0.0", "--inseguro", "--peer", "B=http://10.0.0.2:65434"));

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("0.0.0.0").contains("clear text");
        assertThat(warnings.get(1)).contains("peer B").contains("http://10.0.0.2:65434");
        assertThat(config("--inseguro").transport().insecure()).isTrue();
        assertThat(ServerConfig.parse(List.of(), Map.of("PASSCOM_INSEGURO", "true")).transport().insecure()).isTrue();
    }

    @Test
    void a_peer_over_plain_http_beyond_loopback_is_refused_and_on_loopback_allowed() {
        assertThatThrownBy(() -> CleartextRule.check(config("--peer", "B=http://10.0.0.2:65434")))
                .isInstanceOf(BadFlag.class).hasMessageContaining("peer B");
        assertThat(CleartextRule.check(config("--peer", "B=http://127.0.0.1:65434"))).isEmpty();
    }

    @Test
    void with_tls_every_peer_must_be_https_and_without_it_no_peer_may_be() throws Exception {
        List<String> tls = tlsFlags();

        assertThat(CleartextRule.check(config(tls, "--host", "0.0.0.0", "--peer", "B=https://10.0.0.2:65434"))).isEmpty();
        assertThatThrownBy(() -> CleartextRule.check(config(tls, "--peer", "B=http://127.0.0.1:65434")))
                .isInstanceOf(BadFlag.class).hasMessageContaining("peer B");
        assertThatThrownBy(() -> CleartextRule.check(config("--peer", "B=https://127.0.0.1:65434")))
                .isInstanceOf(BadFlag.class).hasMessageContaining("no certificate to present");
    }

    @Test
    void tls_files_come_as_a_set_of_three_each_named_when_missing() throws Exception {
        List<String> tls = tlsFlags();
        ServerConfig.Tls parsed = config(tls).transport().tls().orElseThrow();

        assertThat(parsed.certificate()).hasFileName("A.pem");
        assertThatThrownBy(() -> ServerConfig.parse(tls.subList(0, 4), Map.of()))
                .isInstanceOf(BadFlag.class).hasMessageContaining("--tls-cert needs --tls-ca");
        assertThatThrownBy(() -> ServerConfig.parse(List.of("--tls-cert", "nowhere.pem", "--tls-key", "k", "--tls-ca", "c"), Map.of()))
                .isInstanceOf(BadFlag.class).hasMessageContaining("--tls-cert: no such file");
        assertThat(ServerConfig.parse(List.of(), Map.of("PASSCOM_TLS_CERT", tls.get(1), "PASSCOM_TLS_KEY", tls.get(3),
                "PASSCOM_TLS_CA", tls.get(5))).transport().tls()).contains(parsed);
        assertThat(ServerConfig.usage()).contains("--tls-cert=FILE").contains("PASSCOM_TLS_CERT").contains("--inseguro");
    }

    private List<String> tlsFlags() throws Exception {
        for (String name : List.of("A.pem", "A-key.pem", "ca.pem")) {
            Files.writeString(dir.resolve(name), "x");
        }
        return List.of("--tls-cert", dir.resolve("A.pem").toString(), "--tls-key", dir.resolve("A-key.pem").toString(),
                "--tls-ca", dir.resolve("ca.pem").toString());
    }

    private static ServerConfig config(String... args) {
        return ServerConfig.parse(List.of(args), Map.of());
    }

    private static ServerConfig config(List<String> first, String... more) {
        List<String> args = new java.util.ArrayList<>(first);
        args.addAll(List.of(more));
        return ServerConfig.parse(args, Map.of());
    }
}
