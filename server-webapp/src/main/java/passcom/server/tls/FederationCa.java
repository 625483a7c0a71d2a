package passcom.server.tls;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway federation certificate authority in a directory, for {@code ./passcom --tls}, the Docker
 * compose and the tests: {@code ca.pem} (what servers and clients trust), {@code ca-key.pem} (kept only to
 * issue more), and per airline {@code <id>.pem} and {@code <id>-key.pem}. Keys are EC P-256 in PKCS#8 PEM,
 * written readable by the owner only. Not a production CA: no revocation, the key sits next to the certificates
 * (docs/tls.md says how to bring your own).
 *
 * <p>Each airline certificate names its airline ({@link AirlineCertificate}), the hosts it answers on (DNS and
 * IP subjectAltNames, which clients check), and both extended key usages, since the airline presents it to
 * customers as a server and to peers as a client. Files are written to a temporary name and moved into place,
 * so a server watching them never reads half a file. Not thread-safe.
 */
public final class FederationCa {

    public static final String CA_FILE = "ca.pem";
    private static final String CA_KEY_FILE = "ca-key.pem";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration CA_VALIDITY = Duration.ofDays(5 * 365);
    private static final Duration AIRLINE_VALIDITY = Duration.ofDays(365);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An airline's certificate (leaf) and key files. */
    public record Issued(Path certificate, Path key) {
    }

    private final Path dir;
    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    private FederationCa(Path dir, X509Certificate caCertificate, PrivateKey caKey) {
        this.dir = dir;
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** The CA in {@code dir}, created (with a new key) when the directory has none yet. */
    public static FederationCa openOrCreate(Path dir) {
        Path caFile = dir.resolve(CA_FILE);
        Path keyFile = dir.resolve(CA_KEY_FILE);
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(caFile) && Files.isRegularFile(keyFile)) {
                X509Certificate ca = PemKeyStores.certificates(caFile).get(0);
                PrivateKey key = (PrivateKey) PemKeyStores.identity(caFile, keyFile).getKey(PemKeyStores.ALIAS, PemKeyStores.PASSWORD.toCharArray());
                return new FederationCa(dir, ca, key);
            }
            KeyPair pair = newKeyPair();
            X500Name name = new X500Name("CN=PASSCOM federation CA (throwaway),O=PASSCOM");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(CA_VALIDITY)), name, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate ca = sign(builder, pair.getPrivate());
            writePem(keyFile, pair.getPrivate(), true);
            writePem(caFile, ca, false);
            return new FederationCa(dir, ca, pair.getPrivate());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the federation CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The CA certificate file: give it to servers ({@code --tls-ca}) and clients ({@code PASSCOM_CA}). */
    public Path caFile() {
        return dir.resolve(CA_FILE);
    }

    /** Issues {@code <airline>.pem} and {@code <airline>-key.pem}, replacing any earlier ones (a rotation). */
    public Issued issue(String airline, List<String> hosts) {
        return issue(airline, hosts, airline);
    }

    /**
     * Issues a certificate naming {@code airline} for {@code hosts} (host names or IP literals) into
     * {@code <stem>.pem} and {@code <stem>-key.pem}.
     */
    public Issued issue(String airline, List<String> hosts, String stem) {
        Objects.requireNonNull(airline, "airline");
        try {
            KeyPair pair = newKeyPair();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(AIRLINE_VALIDITY)),
                    new X500Name("CN=" + airline + ",O=PASSCOM"), pair.getPublic());
            List<GeneralName> names = new ArrayList<>();
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, AirlineCertificate.uriOf(airline)));
            for (String host : hosts) {
                names.add(IP_LITERAL.matcher(host).matches()
                        ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress())
                        : new GeneralName(GeneralName.dNSName, host));
            }
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate));
            X509Certificate certificate = sign(builder, caKey);
            Issued issued = new Issued(dir.resolve(stem + ".pem"), dir.resolve(stem + "-key.pem"));
            // The key first: a server reloading between the two moves sees a key without its certificate,
            // refuses that pair and keeps serving with the old one until the certificate arrives.
            writePem(issued.key(), pair.getPrivate(), true);
            writePem(issued.certificate(), certificate, false);
            return issued;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the certificate of " + airline + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
    }

    private static void writePem(Path file, Object object, boolean secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        if (secret && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
