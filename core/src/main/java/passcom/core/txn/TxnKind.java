package passcom.core.txn;

/** What a distributed transaction does: sell legs, or give sold legs back. Both run the same two-phase protocol. */
public enum TxnKind {
    PURCHASE,
    CANCELLATION
}
