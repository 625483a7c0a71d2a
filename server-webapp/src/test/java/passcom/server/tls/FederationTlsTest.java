package passcom.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation as an operator does it, file by file: a half-replaced pair is refused and the served certificate
 * stays; once both files are new, the new one is served (by every context: the server's and each peer client's).
 */
class FederationTlsTest {

    @TempDir
    Path dir;

    @Test
    void when_only_the_certificate_is_replaced_then_the_old_pair_stays_until_its_key_arrives() throws Exception {
        FederationCa ca = FederationCa.openOrCreate(dir);
        FederationCa.Issued a = ca.issue("A", List.of("127.0.0.1"));
        FederationTls tls = new FederationTls("A", a.certificate(), a.key(), ca.caFile());
        var peerClient = tls.clientFor("B");
        BigInteger before = served(tls);
        FederationCa.Issued renewed = ca.issue("A", List.of("127.0.0.1"), "A-renewed");

        Files.copy(renewed.certificate(), a.certificate(), StandardCopyOption.REPLACE_EXISTING);

        assertThat(tls.reload()).as("a certificate without its key").isFalse();
        assertThat(served(tls)).isEqualTo(before);

        Files.copy(renewed.key(), a.key(), StandardCopyOption.REPLACE_EXISTING);

        assertThat(tls.reload()).isTrue();
        BigInteger after = PemKeyStores.certificates(renewed.certificate()).get(0).getSerialNumber();
        assertThat(served(tls)).isEqualTo(after).isNotEqualTo(before);
        assertThat(((X509Certificate) peerClient.getKeyStore().getCertificate(PemKeyStores.ALIAS)).getSerialNumber())
                .as("the peer client presents the new certificate too").isEqualTo(after);
    }

    @Test
    void when_the_new_certificate_names_another_airline_then_it_is_refused() throws Exception {
        FederationCa ca = FederationCa.openOrCreate(dir);
        FederationCa.Issued a = ca.issue("A", List.of("127.0.0.1"));
        FederationTls tls = new FederationTls("A", a.certificate(), a.key(), ca.caFile());
        BigInteger before = served(tls);
        FederationCa.Issued b = ca.issue("B", List.of("127.0.0.1"));

        Files.copy(b.key(), a.key(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(b.certificate(), a.certificate(), StandardCopyOption.REPLACE_EXISTING);

        assertThat(tls.reload()).isFalse();
        assertThat(served(tls)).isEqualTo(before);
    }

    private static BigInteger served(FederationTls tls) throws Exception {
        return ((X509Certificate) tls.server().getKeyStore().getCertificate(PemKeyStores.ALIAS)).getSerialNumber();
    }
}
