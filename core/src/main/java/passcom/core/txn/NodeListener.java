package passcom.core.txn;

import passcom.core.store.StoreListener;

/**
 * Told how each purchase and cancellation this airline coordinated ended, and of each store commit
 * ({@link AirlineNode#observe}). Called on the request's thread once the outcome is final, before the customer
 * is answered: must return at once and never throw. The server turns these into metrics.
 */
public interface NodeListener extends StoreListener {

    NodeListener NONE = new NodeListener() {
    };

    default void purchaseFinished(PurchaseOutcome outcome) {
    }

    default void cancellationFinished(CancelOutcome outcome) {
    }

    @Override
    default void committed(int writes, long nanos) {
    }
}
