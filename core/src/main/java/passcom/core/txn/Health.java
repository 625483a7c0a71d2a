package passcom.core.txn;

import java.util.Map;

/**
 * What /saude reports: peers that answer, seats held now, transactions awaiting a decision or a delivery,
 * legs sold, and phase-two messages refused since start because they contradicted this airline's records.
 */
public record Health(String airline, Map<String, Boolean> peers, long heldSeats, long pendingTransactions, long soldLegs,
                     long conflictingDecisions) {
}
