package passcom.server.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How a certificate names the airline it belongs to: one subjectAltName of type URI,
 * {@code urn:passcom:airline:<id>} (RFC 5280 section 4.2.1.6). A SAN rather than the subject's CN because
 * RFC 6125 retires the CN as an identity and a URI cannot be mistaken for a host name; SPIFFE names
 * workloads the same way. The same certificate serves customers (its DNS and IP SANs) and is presented to
 * peers as a client certificate (its airline URI).
 */
public final class AirlineCertificate {

    static final String URI_PREFIX = "urn:passcom:airline:";
    /** GeneralName tag of a uniformResourceIdentifier in {@link X509Certificate#getSubjectAlternativeNames}. */
    private static final int URI_NAME = 6;

    private AirlineCertificate() {
    }

    /** The subjectAltName URI naming {@code airline}. */
    public static String uriOf(String airline) {
        return URI_PREFIX + airline;
    }

    /** The airline the certificate names; empty when it names none, or more than one (never guess which). */
    public static Optional<String> airlineOf(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        List<String> airlines = names.stream()
                .filter(name -> name.size() == 2 && Integer.valueOf(URI_NAME).equals(name.get(0)))
                .map(name -> String.valueOf(name.get(1)))
                .filter(uri -> uri.startsWith(URI_PREFIX) && uri.length() > URI_PREFIX.length())
                .map(uri -> uri.substring(URI_PREFIX.length()))
                .toList();
        return airlines.size() == 1 ? Optional.of(airlines.get(0)) : Optional.empty();
    }
}
