package passcom.core.txn;

import java.util.List;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;

/**
 * Phase-one message to one airline: for a PURCHASE, hold one seat on each of {@code legs} for {@code txnId};
 * for a CANCELLATION, mark this airline's sold legs of booking {@code reference} so nobody else cancels them.
 * {@code coordinator} is the airline to ask for the decision.
 */
public record Prepare(String txnId, String coordinator, TxnKind kind, Cpf cpf, String reference, List<Segment.Key> legs) {
    public Prepare {
        legs = List.copyOf(legs);
    }
}
