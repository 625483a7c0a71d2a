package passcom.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files, as operators get them from openssl, a public CA or {@link FederationCa}, turned into the
 * in-memory {@link KeyStore}s Jetty's {@code SslContextFactory} takes. The keys never touch disk in another
 * format, so the password below protects nothing and is not a secret.
 *
 * <p>Keys: unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), or the older PKCS#1 RSA / SEC1 EC forms
 * ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}), read with Bouncy Castle's PEMParser. Every
 * failure is a {@link BadCredentials} naming the file and what is wrong with it.
 */
public final class PemKeyStores {

    /** One generator for every key check: SecureRandom is thread-safe and costly to seed. */
    private static final SecureRandom CHALLENGES = new SecureRandom();

    /** The in-memory keystores' password (see the class comment). */
    public static final String PASSWORD = "passcom-in-memory";
    static final String ALIAS = "airline";

    private PemKeyStores() {
    }

    /** The airline's key and certificate chain (leaf first); refuses a key that does not belong to the certificate. */
    public static KeyStore identity(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongsTo(key, chain.get(0))) {
            throw new BadCredentials(keyFile + " is not the key of the certificate in " + certificateFile
                    + " (if both are being replaced, the other file is still the old one)");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new BadCredentials("cannot hold the key of " + keyFile + ": " + e.getMessage());
        }
    }

    /** Every certificate of the file as a trust anchor (the federation CA, possibly old and new while rotating it). */
    public static KeyStore trust(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : certificates(caFile)) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new BadCredentials("cannot hold the certificates of " + caFile + ": " + e.getMessage());
        }
    }

    /** The X.509 certificates of a PEM file, in file order; at least one. */
    public static List<X509Certificate> certificates(Path file) {
        try (var in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> certificates = new ArrayList<>();
            read.forEach(c -> certificates.add((X509Certificate) c));
            if (certificates.isEmpty()) {
                throw new BadCredentials(file + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (IOException e) {
            throw new BadCredentials("cannot read " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new BadCredentials(file + " is not a PEM certificate: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file) {
        Object read;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            read = parser.readObject();
        } catch (IOException e) {
            throw new BadCredentials("cannot read the key " + file + ": " + e.getMessage());
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (IOException e) {
            throw new BadCredentials(file + ": unusable key: " + e.getMessage());
        }
        if (read instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new BadCredentials(file + " is encrypted; give the key unencrypted (readable only by the server's user)");
        }
        throw new BadCredentials(file + " holds no private key (expected PEM: -----BEGIN PRIVATE KEY-----)");
    }

    /** Whether the key signs what the certificate's public key verifies (an algorithm not known here is let through: the handshake will tell). */
    private static boolean belongsTo(PrivateKey key, X509Certificate certificate) {
        if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        try {
            byte[] challenge = new byte[32];
            CHALLENGES.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A key, certificate or CA file that cannot be used; the message names the file. */
    public static final class BadCredentials extends RuntimeException {
        public BadCredentials(String message) {
            super(message);
        }
    }
}
