package passcom.core.txn;

/**
 * What this airline has not finished, read without asking any peer (so it is cheap to read often, unlike
 * {@link Health}): seats held by transactions still deciding, transactions it coordinates that have no
 * decision yet, transactions it prepared as participant and still waits to hear about, and decisions
 * (commit or abort) it has not yet delivered to a participant.
 */
public record Backlog(long heldSeats, long undecidedTransactions, long preparedAwaitingDecision, long undeliveredDecisions) {
}
