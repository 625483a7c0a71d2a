package passcom.core.store;

/** The store could not do what was asked (disk, corruption, a bug): not the customer's fault, nothing was committed. */
public final class StoreFailure extends RuntimeException {
    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
