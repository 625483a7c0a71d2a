package passcom.server.abuse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import passcom.server.http.ErrorMapper;
import passcom.server.http.TooManyRequests;
import passcom.server.metrics.ServerMetrics;
import passcom.server.metrics.ServerMetrics.Refusal;

/**
 * Per client address limits on the customer endpoints (OWASP Authentication Cheat Sheet, "Protect Against
 * Automated Attacks"), as token buckets (Bucket4j, greedy refill): tight on what guessing would use (login,
 * cadastro, and localizador look-ups: {@code /passagens_cliente} and {@code /cancelar_cliente} without a
 * token), generous on the rest (only a flood meets it). Past a limit the request is answered 429 with
 * {@code Retry-After} before anything runs. Refused tokens are limited too: each 401 of a request that carried
 * one spends a {@link Rule#BAD_TOKEN} token, and an address with none left has its requests that carry a token
 * refused until it refills, since a token never seen costs an ECDSA verification. Also counts the refusals of the accounts' rules in
 * {@link ServerMetrics} (429 here; 401 from the servlets, seen on the way out).
 *
 * <p>One bucket per (address, rule), made on first use; an address's buckets are kept in a bounded cache
 * ({@link #ADDRESSES} addresses, forgotten after an idle {@link #IDLE}): an attacker with many addresses evicts buckets rather than exhaust memory. Behind a
 * proxy every customer has the proxy's address; the server does not trust X-Forwarded-For (docs/security.md).
 * Thread-safe.
 */
public final class RateLimitFilter extends HttpFilter {

    static final int ADDRESSES = 100_000;
    static final Duration IDLE = Duration.ofMinutes(30);

    /** Each limit: a burst of {@code capacity}, refilled at {@code capacity} per {@code period}. */
    enum Rule {
        LOGIN(10, Duration.ofMinutes(1), Refusal.RATE_LOGIN),
        CADASTRO(5, Duration.ofMinutes(10), Refusal.RATE_CADASTRO),
        LOOKUP(30, Duration.ofMinutes(1), Refusal.RATE_LOOKUP),
        GENERAL(20_000, Duration.ofSeconds(10), Refusal.RATE_GENERAL),
        BAD_TOKEN(20, Duration.ofMinutes(1), Refusal.RATE_TOKEN);

        final int capacity;
        final Duration period;
        final Refusal refusal;

        Rule(int capacity, Duration period, Refusal refusal) {
            this.capacity = capacity;
            this.period = period;
            this.refusal = refusal;
        }

        Bucket bucket() {
            return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build();
        }
    }

    /**
     * One address's buckets, each made on its first use. Keyed by the address alone (a String, whose hash is
     * cached) rather than by an (address, rule) record: the record's hashCode and equals, run through
     * invokedynamic on every request, cost more than the bucket itself under C1.
     */
    private static final class AddressBuckets {
        private final AtomicReferenceArray<Bucket> byRule = new AtomicReferenceArray<>(RULES.length);

        Bucket of(Rule rule) {
            Bucket bucket = byRule.get(rule.ordinal());
            if (bucket == null) {
                byRule.compareAndSet(rule.ordinal(), null, rule.bucket());
                bucket = byRule.get(rule.ordinal());
            }
            return bucket;
        }
    }

    private static final Rule[] RULES = Rule.values();

    private final ServerMetrics metrics;
    private final boolean enforced;
    /**
     * Keyed by the client's {@link InetAddress} (hashed and compared as its bytes) rather than its text, which Jetty
     * formats anew for every request. Maintenance runs on the request thread that triggers it (amortised, a few
     * entries at a time) instead of being handed to the common pool, which woke a pool thread every few requests.
     */
    private final Cache<Object, AddressBuckets> buckets = Caffeine.newBuilder().maximumSize(ADDRESSES).expireAfterAccess(IDLE)
            .executor(Runnable::run).build();

    /** @param enforced false: only count the 401s (load and fault tests, {@code --rate-limits off}) */
    public RateLimitFilter(ServerMetrics metrics, boolean enforced) {
        this.metrics = metrics;
        this.enforced = enforced;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        AddressBuckets address = null;
        if (enforced) {
            Rule rule = ruleOf(request);
            address = buckets.get(client(request), ignored -> new AddressBuckets());
            Bucket bucket = address.of(rule);
            // tryConsume allocates nothing; the wait is only worked out for a refusal
            if (!bucket.tryConsume(1)) {
                refuse(rule, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill(), request, response);
                return;
            }
            if (request.getHeader("Authorization") != null) {
                Bucket badTokens = address.of(Rule.BAD_TOKEN);
                if (badTokens.getAvailableTokens() < 1) {
                    refuse(Rule.BAD_TOKEN, badTokens.estimateAbilityToConsume(1).getNanosToWaitForRefill(), request, response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            metrics.refused(isLogin(request) ? Refusal.LOGIN : Refusal.TOKEN);
            if (address != null && request.getHeader("Authorization") != null) {
                address.of(Rule.BAD_TOKEN).tryConsume(1);
            }
        }
    }

    /** The client's address: an {@link InetAddress}, or its text where the connection has none (not over TCP). */
    private static Object client(HttpServletRequest request) {
        if (ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getRemoteSocketAddress()
                instanceof InetSocketAddress socket && socket.getAddress() != null) {
            return socket.getAddress();
        }
        return request.getRemoteAddr();
    }

    private void refuse(Rule rule, long nanosToWait, HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.refused(rule.refusal);
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L));
        ErrorMapper.reply(new TooManyRequests(seconds)).writeTo(request, response);
    }

    static Rule ruleOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (isLogin(request)) {
            return Rule.LOGIN;
        }
        if ("/cadastro".equals(path)) {
            return Rule.CADASTRO;
        }
        if (("/passagens_cliente".equals(path) || "/cancelar_cliente".equals(path)) && request.getHeader("Authorization") == null) {
            return Rule.LOOKUP;
        }
        return Rule.GENERAL;
    }

    private static boolean isLogin(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "/login".equals(path) || "/login/renovar".equals(path);
    }
}
