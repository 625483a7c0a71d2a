package passcom.core.txn;

import java.util.Objects;
import passcom.api.OrderCheck;

/**
 * A purchase's {@code id_pedido}: the client's idempotency key, under which a retry gets the first outcome.
 * Stripped, never blank, at most {@link OrderCheck#MAX_REQUEST_ID} characters (the edge refuses a longer one
 * with a 400 before building it).
 */
public record RequestId(String value) {

    public RequestId {
        Objects.requireNonNull(value, "request id");
        String problem = OrderCheck.requestIdProblem(value);
        if (problem != null || value.isBlank() || !value.equals(value.strip())) {
            throw new IllegalArgumentException(problem != null ? problem : "a request id is stripped and never blank: '" + value + "'");
        }
    }

    /** The id in {@code text}, or null when there is none (absent or blank): the purchase then has no idempotency key. */
    public static RequestId orNull(String text) {
        return text == null || text.isBlank() ? null : new RequestId(text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
