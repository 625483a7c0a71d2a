package passcom.client.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which servers a client believes, for {@code https://} servers (docs/tls.md): the federation's CA when one
 * is given, then only it; else the system's trust store, as for any web site. Host names are checked
 * against the certificate by the JDK's HTTP client in both cases.
 */
public final class ServerTrust {

    /** The variable naming the federation CA's PEM file; the system property {@code passcom.ca} wins over it. */
    public static final String VARIABLE = "PASSCOM_CA";
    public static final String PROPERTY = "passcom.ca";

    private ServerTrust() {
    }

    /** From the system property {@code passcom.ca}, else {@code PASSCOM_CA}, else the system's trust store. */
    public static SSLContext configured() {
        String property = System.getProperty(PROPERTY);
        return property != null && !property.isBlank() ? federationCa(Path.of(property)) : configured(System.getenv());
    }

    /** {@code PASSCOM_CA} from {@code env}, else the system's trust store. */
    public static SSLContext configured(Map<String, String> env) {
        String ca = env.get(VARIABLE);
        return ca != null && !ca.isBlank() ? federationCa(Path.of(ca)) : system();
    }

    /** The JDK's default: the system's trust store. */
    public static SSLContext system() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * Trusts only the certificates of {@code caFile} (PEM; more than one while the federation rotates its CA).
     *
     * @throws IllegalArgumentException in Portuguese, naming the file, when it cannot be read as certificates
     */
    public static SSLContext federationCa(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.setCertificateEntry("ca-" + i++, ca);
            }
            if (i == 0) {
                throw new IllegalArgumentException("o arquivo da autoridade certificadora " + caFile + " não tem nenhum certificado (PEM)");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("o certificado da autoridade certificadora " + caFile + " não existe");
        } catch (IOException e) {
            throw new IllegalArgumentException("não foi possível ler o certificado da autoridade certificadora " + caFile + " (" + e + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("o arquivo " + caFile + " não é um certificado PEM válido (" + e.getMessage() + ")");
        }
    }
}
