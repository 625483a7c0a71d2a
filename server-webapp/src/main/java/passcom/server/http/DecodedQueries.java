package passcom.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Fields;

/**
 * The decoded fields of an endpoint's query strings, kept per raw query. Customers ask the same trips over and over,
 * and decoding a query's percent-escapes and UTF-8 (Jetty's {@code UrlEncoded}, through the request's cached fields)
 * cost about as much as the rest of a cached route query's servlet. The fields are a pure function of the raw query
 * under the server's URI compliance, which is fixed, so a raw query that decoded once decodes the same again.
 *
 * <p>Only an endpoint whose queries repeat and carry nothing personal keeps them ({@link Endpoint}'s constructor):
 * a query with a CPF stays out of memory. Bounded: queries longer than {@link #MAX_LENGTH} are decoded every time, and
 * past {@code maxQueries} the memo starts over (as {@code SameInputsMemo}: on a 1,000-city network trips rarely
 * repeat, and an eviction order would cost more than it saves). A query that fails to decode is never kept, so it
 * is refused every time. Thread-safe; two threads may decode the same query at once, with the same result.
 */
public final class DecodedQueries {

    /** Longer than any trip's query (two city names); a longer one is decoded each time rather than kept. */
    static final int MAX_LENGTH = 256;

    private final int maxQueries;
    private final Map<String, Fields> decoded = new ConcurrentHashMap<>();

    public DecodedQueries(int maxQueries) {
        this.maxQueries = maxQueries;
    }

    /** The fields of {@code query} as {@code decode} gives them, decoded once while remembered. */
    Fields of(String query, Supplier<Fields> decode) {
        if (query.length() > MAX_LENGTH) {
            return decode.get();
        }
        Fields fields = decoded.get(query);
        if (fields == null) {
            fields = decode.get().asImmutable();
            if (decoded.size() >= maxQueries) {
                decoded.clear();
            }
            decoded.put(query, fields);
        }
        return fields;
    }
}
