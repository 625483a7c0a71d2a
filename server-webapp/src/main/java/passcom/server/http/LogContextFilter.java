package passcom.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import passcom.core.txn.TxnLog;

/**
 * Puts the transaction id a peer sent ({@link TxnLog#HEADER}) in the MDC for the request, so that every line
 * logged while serving it names it, and takes the transaction id out when the request ends (a coordinator's own,
 * put there by core, goes with it). The airline's id is already there: every thread of the server's pool carries
 * it ({@link AirlineThreadPool}), so a request without the header touches the MDC only to remove what is not
 * there. Only well-formed ids are taken: the header is not signed, and only ever labels log lines.
 */
public final class LogContextFilter implements Filter {

    /** One DEBUG line per request served (off by default: set this logger to DEBUG for a request log). */
    private static final Logger LOG = LoggerFactory.getLogger(LogContextFilter.class);
    private static final int MAX_TXN_ID = 64;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String txn = ((HttpServletRequest) request).getHeader(TxnLog.HEADER);
        if (txn != null && wellFormed(txn)) {
            MDC.put(TxnLog.KEY, txn);
        }
        try {
            chain.doFilter(request, response);
            if (LOG.isDebugEnabled()) {
                HttpServletRequest http = (HttpServletRequest) request;
                LOG.debug("{} {} -> {}", http.getMethod(), http.getRequestURI(), ((HttpServletResponse) response).getStatus());
            }
        } finally {
            MDC.remove(TxnLog.KEY);
        }
    }

    /** 1 to 64 hex digits or '-' (what {@code TxnId.random()} makes); a loop, not a regex matcher per request. */
    private static boolean wellFormed(String txn) {
        if (txn.isEmpty() || txn.length() > MAX_TXN_ID) {
            return false;
        }
        for (int i = 0; i < txn.length(); i++) {
            char c = txn.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
