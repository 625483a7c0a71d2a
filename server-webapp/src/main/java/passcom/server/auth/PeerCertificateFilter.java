package passcom.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.server.http.ErrorMapper;
import passcom.server.http.Forbidden;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Unauthenticated;
import passcom.server.tls.AirlineCertificate;

/**
 * The first lock on the server-to-server endpoints when the server runs TLS (docs/tls.md): the caller's
 * client certificate, already verified against the federation CA in the handshake, must name the airline
 * that signed the call ({@link SignatureFilter}, the second lock, runs before it and leaves the signer).
 * No client certificate: 401; a certificate of another airline: 403. Either way before any servlet runs, so
 * a refusal changes nothing.
 */
public final class PeerCertificateFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PeerCertificateFilter.class);
    /** Where the servlet container puts the verified client chain (Servlet spec, section 3.10). */
    static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            String signer = new IncomingRequest(request).signer();
            if (!(request.getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] certificates) || certificates.length == 0) {
                throw new Unauthenticated("sem certificado de cliente; uma companhia da federação apresenta o seu (TLS mútuo)");
            }
            Optional<String> named = AirlineCertificate.airlineOf(certificates[0]);
            if (!named.equals(Optional.of(signer))) {
                throw new Forbidden("o certificado de cliente é " + named.map(n -> "da companhia '" + n + "'").orElse("de nenhuma companhia")
                        + ", mas a chamada foi assinada por '" + signer + "'; nada foi feito");
            }
        } catch (RuntimeException e) {
            LOG.warn("refused server call {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), e.getMessage());
            ErrorMapper.reply(e).writeTo(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
