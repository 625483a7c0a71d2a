package passcom.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate files an operator gives: what is accepted, and that every refusal names the file. */
class PemKeyStoresTest {

    @TempDir
    Path dir;

    @Test
    void an_issued_certificate_names_its_airline_and_loads_with_its_key() throws Exception {
        FederationCa ca = FederationCa.openOrCreate(dir);
        FederationCa.Issued b = ca.issue("B", List.of("127.0.0.1", "airline-b"));

        X509Certificate leaf = PemKeyStores.certificates(b.certificate()).get(0);

        assertThat(AirlineCertificate.airlineOf(leaf)).contains("B");
        assertThat(leaf.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1)))).contains("127.0.0.1", "airline-b");
        assertThat(PemKeyStores.identity(b.certificate(), b.key()).getCertificate(PemKeyStores.ALIAS)).isEqualTo(leaf);
        assertThat(AirlineCertificate.airlineOf(PemKeyStores.certificates(ca.caFile()).get(0))).isEmpty();
    }

    @Test
    void a_key_of_another_certificate_is_refused_naming_both_files() {
        FederationCa ca = FederationCa.openOrCreate(dir);
        FederationCa.Issued a = ca.issue("A", List.of("127.0.0.1"));
        FederationCa.Issued b = ca.issue("B", List.of("127.0.0.1"));

        assertThatThrownBy(() -> PemKeyStores.identity(a.certificate(), b.key()))
                .isInstanceOf(PemKeyStores.BadCredentials.class)
                .hasMessageContaining(b.key().toString()).hasMessageContaining(a.certificate().toString());
    }

    @Test
    void a_file_that_is_not_pem_is_refused_naming_it() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        FederationCa.Issued a = FederationCa.openOrCreate(dir).issue("A", List.of("127.0.0.1"));

        assertThatThrownBy(() -> PemKeyStores.certificates(junk)).hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> PemKeyStores.identity(a.certificate(), junk)).hasMessageContaining("junk.pem").hasMessageContaining("no private key");
    }

    @Test
    void a_server_refuses_to_start_with_a_certificate_of_another_airline() {
        FederationCa ca = FederationCa.openOrCreate(dir);
        FederationCa.Issued b = ca.issue("B", List.of("127.0.0.1"));

        assertThatThrownBy(() -> new FederationTls("A", b.certificate(), b.key(), ca.caFile()))
                .isInstanceOf(PemKeyStores.BadCredentials.class).hasMessageContaining("names airline B, not A")
                .hasMessageContaining("urn:passcom:airline:A");
    }

    @Test
    void reopening_the_ca_keeps_it_so_clients_that_trust_it_go_on_trusting() {
        X509Certificate first = PemKeyStores.certificates(FederationCa.openOrCreate(dir).caFile()).get(0);

        X509Certificate again = PemKeyStores.certificates(FederationCa.openOrCreate(dir).caFile()).get(0);

        assertThat(again).isEqualTo(first);
    }
}
