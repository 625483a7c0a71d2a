package passcom.server.http;

/**
 * The request itself is wrong before the domain sees it: not JSON, a missing or mistyped field, a missing
 * parameter. The message (pt-BR) names what is wrong. Maps to 400.
 */
public final class MalformedRequest extends RuntimeException {

    public MalformedRequest(String message) {
        super(message);
    }

    /** Returns {@code value}, or fails naming the missing field. */
    public static <T> T require(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MalformedRequest("Falta o campo '" + field + "'");
        }
        return value;
    }
}
