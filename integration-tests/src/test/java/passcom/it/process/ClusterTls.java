package passcom.it.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import passcom.client.api.ServerTrust;
import passcom.server.tls.FederationCa;

/**
 * The process federations over TLS, when {@code -Dpasscom.it.tls=true}: so that the crash campaigns and the
 * fault harness can run with HTTPS for customers and mutual TLS between airlines (issue 17) without a test of
 * their own. One throwaway CA for this JVM, one certificate per airline id (instances of one airline share it);
 * every URL a test uses becomes https, and {@link Customer} trusts the CA. Off, it changes nothing.
 */
final class ClusterTls {

    static final boolean ON = Boolean.getBoolean("passcom.it.tls");
    private static final List<String> HOSTS = List.of("127.0.0.1", "localhost");
    private static FederationCa ca;

    private ClusterTls() {
    }

    /** {@code uri} with https when TLS is on: the proxies in front of servers pass TLS through untouched. */
    static URI scheme(URI uri) {
        return ON && "http".equals(uri.getScheme()) ? URI.create("https" + uri.toString().substring("http".length())) : uri;
    }

    /** The server flags of {@code airline}'s certificate, its key and the CA; none when TLS is off. */
    static synchronized List<String> flags(String airline) {
        if (!ON) {
            return List.of();
        }
        Path certificate = ca().caFile().resolveSibling(airline + ".pem");
        if (!Files.isRegularFile(certificate)) {
            ca().issue(airline, HOSTS);
        }
        return List.of("--tls-cert", certificate.toString(), "--tls-key", certificate.resolveSibling(airline + "-key.pem").toString(),
                "--tls-ca", ca().caFile().toString());
    }

    /** Whom the customers' client trusts: this JVM's CA when TLS is on, else the system's (unused over http). */
    static SSLContext trust() {
        return ON ? ServerTrust.federationCa(ca().caFile()) : ServerTrust.system();
    }

    private static synchronized FederationCa ca() {
        if (ca == null) {
            try {
                ca = FederationCa.openOrCreate(Files.createTempDirectory("passcom-it-tls-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ca;
    }
}
