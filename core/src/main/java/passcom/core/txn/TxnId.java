package passcom.core.txn;

import java.util.Objects;
import java.util.UUID;
import passcom.core.InvalidRequest;

/**
 * A distributed transaction's id: the key every message of the two-phase commit, every log row and every seat
 * hold is filed under. A coordinator makes a random UUID per attempt; a peer's comes off the wire, so the rule
 * is checked here, once: 1 to 64 letters, digits, '.', '_' or '-'. Anything a participant accepts it must later
 * be able to ask the coordinator about in a query string ({@code /decisao_servidor?id_transacao=}): an id too
 * long for a request line, or with characters a query mangles, would leave a hold nobody can ever resolve.
 */
public record TxnId(String value) {

    private static final int MAX_LENGTH = 64;

    public TxnId {
        Objects.requireNonNull(value, "transaction id");
        if (!valid(value)) {
            throw new InvalidRequest("O campo 'id_transacao' deve ter de 1 a 64 letras, dígitos, '.', '_' ou '-'");
        }
    }

    /**
     * {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}, checked by a loop: every message and log row of a purchase makes
     * one, and the regular expression's matcher was ~0.5 % of a purchase's CPU (docs/PERFORMANCE.md).
     */
    private static boolean valid(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A new id for one attempt of a purchase or a cancellation. */
    public static TxnId random() {
        return new TxnId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
