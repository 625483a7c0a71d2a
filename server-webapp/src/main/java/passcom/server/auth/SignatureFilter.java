package passcom.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.api.Erro;
import passcom.server.http.ErrorMapper;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;
import passcom.server.http.RequestBody;
import passcom.server.http.Unauthenticated;

/**
 * Guards the server-to-server endpoints: a call not signed by a federation peer, stale, or replayed (see
 * {@link FederationSigner}) is answered 401 before any servlet runs, so it changes nothing; 503 when the
 * nonce memory is full (nothing done either).
 */
public final class SignatureFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureFilter.class);

    private final transient FederationSigner signer;

    public SignatureFilter(FederationSigner signer) {
        this.signer = signer;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            String query = request.getQueryString();
            String pathAndQuery = request.getRequestURI() + (query == null ? "" : "?" + query);
            String sender = signer.verify(request.getMethod(), pathAndQuery, RequestBody.read(request), request::getHeader);
            request.setAttribute(IncomingRequest.SIGNED_BY, sender);
        } catch (Unauthenticated e) {
            LOG.warn("rejected unsigned server call {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr(), e.getMessage());
            ErrorMapper.reply(e).writeTo(request, response);
            return;
        } catch (ReplayMemoryFull e) {
            LOG.warn("refused server call {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            new Reply(HttpServletResponse.SC_SERVICE_UNAVAILABLE, Erro.of(e.getMessage())).writeTo(request, response);
            return;
        } catch (RuntimeException e) {
            ErrorMapper.reply(e).writeTo(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
