package passcom.server.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One airline's TLS (docs/tls.md): its key and certificate, which it serves to customers and peers and
 * presents to peers as its client certificate, and the federation CA, against which it checks peers.
 *
 * <p>The server side wants a client certificate but does not need one: customers connect without one on
 * the same port, and {@link passcom.server.auth.PeerCertificateFilter} refuses a peer call that came
 * without one. The client side, one {@link SslContextFactory.Client} per peer airline, checks the host name
 * as any HTTPS client does, and also that the certificate names the airline it meant to call: a
 * certificate of airline C is refused where B was called, even on B's host.
 *
 * <p>Rotation: {@link #reload} replaces the key and certificate in every factory (Jetty's
 * {@link SslContextFactory#reload}): new handshakes use them, open connections go on. A pair that does
 * not load (half written, a key of another certificate) is refused and the old one kept. Thread-safe.
 */
public final class FederationTls {

    private static final Logger LOG = LoggerFactory.getLogger(FederationTls.class);

    private final String airline;
    private final Path certificateFile;
    private final Path keyFile;
    private final KeyStore trust;
    private final SslContextFactory.Server server;
    private final List<SslContextFactory> factories = new CopyOnWriteArrayList<>();
    private volatile KeyStore identity;

    /**
     * Loads the files now, so that a wrong one stops the start with its name.
     *
     * @throws PemKeyStores.BadCredentials naming the file that cannot be used
     */
    public FederationTls(String airline, Path certificateFile, Path keyFile, Path caFile) {
        this.airline = airline;
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.trust = PemKeyStores.trust(caFile);
        this.identity = PemKeyStores.identity(certificateFile, keyFile);
        X509Certificate leaf = leaf(identity);
        Optional<String> named = AirlineCertificate.airlineOf(leaf);
        if (!named.equals(Optional.of(airline))) {
            throw new PemKeyStores.BadCredentials(certificateFile + " names " + named.map(n -> "airline " + n).orElse("no airline")
                    + ", not " + airline + " (it needs the subjectAltName URI " + AirlineCertificate.uriOf(airline) + ")");
        }
        server = new SslContextFactory.Server();
        server.setWantClientAuth(true);
        configure(server);
    }

    /** The factory of the server's connector. */
    public SslContextFactory.Server server() {
        return server;
    }

    /** A client factory for calls to {@code peer}: presents this airline's certificate, accepts only {@code peer}'s. */
    public SslContextFactory.Client clientFor(String peer) {
        SslContextFactory.Client client = new SslContextFactory.Client();
        client.setEndpointIdentificationAlgorithm("HTTPS");
        client.setHostnameVerifier((host, session) -> namesAirline(session, peer));
        configure(client);
        return client;
    }

    /** The files this airline's identity is read from (what to watch). */
    public List<Path> identityFiles() {
        return List.of(certificateFile, keyFile);
    }

    /**
     * Reads the key and certificate again and, if they are a usable pair naming this airline, puts them in
     * every factory. Returns whether it did.
     */
    public boolean reload() {
        KeyStore fresh;
        try {
            fresh = PemKeyStores.identity(certificateFile, keyFile);
        } catch (PemKeyStores.BadCredentials e) {
            LOG.warn("airline {}: TLS key and certificate not reloaded, the current ones stay: {}", airline, e.getMessage());
            return false;
        }
        X509Certificate leaf = leaf(fresh);
        if (!AirlineCertificate.airlineOf(leaf).equals(Optional.of(airline))) {
            LOG.warn("airline {}: {} does not name this airline; the current certificate stays", airline, certificateFile);
            return false;
        }
        identity = fresh;
        for (SslContextFactory factory : factories) {
            try {
                factory.reload(f -> f.setKeyStore(fresh));
            } catch (Exception e) {
                LOG.warn("airline {}: a TLS context did not reload: {}", airline, e.toString());
                return false;
            }
        }
        LOG.info("airline {}: TLS certificate reloaded from {} (serial {}, valid until {})", airline, certificateFile,
                leaf.getSerialNumber().toString(16), leaf.getNotAfter().toInstant());
        return true;
    }

    private void configure(SslContextFactory factory) {
        factory.setKeyStore(identity);
        factory.setKeyStorePassword(PemKeyStores.PASSWORD);
        factory.setKeyManagerPassword(PemKeyStores.PASSWORD);
        factory.setTrustStore(trust);
        factories.add(factory);
    }

    private static boolean namesAirline(SSLSession session, String peer) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    && AirlineCertificate.airlineOf(leaf).equals(Optional.of(peer));
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private static X509Certificate leaf(KeyStore store) {
        try {
            return (X509Certificate) store.getCertificate(PemKeyStores.ALIAS);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("an in-memory keystore is always loaded", e);
        }
    }
}
