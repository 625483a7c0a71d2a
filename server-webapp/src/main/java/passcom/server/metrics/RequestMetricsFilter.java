package passcom.server.metrics;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Times every request into {@code passcom_http_requests_seconds{endpoint,method,status}}; a request that throws counts as 500. */
public final class RequestMetricsFilter implements Filter {

    private final ServerMetrics metrics;

    public RequestMetricsFilter(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        long started = System.nanoTime();
        HttpServletRequest http = (HttpServletRequest) request;
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = ((HttpServletResponse) response).getStatus();
        } finally {
            metrics.request(http.getRequestURI(), http.getMethod(), status, System.nanoTime() - started);
        }
    }
}
