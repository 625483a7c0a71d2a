package passcom.core.txn;

/**
 * The transaction id in the logs: the coordinator puts it in the SLF4J MDC under {@link #KEY} when a
 * purchase or cancellation attempt starts; the server sends it to each participant in the {@link #HEADER}
 * header and puts it in the MDC there for the request, and clears the MDC when the request ends. So every
 * line a purchase writes, on every airline, carries its id (background retries name it in the message).
 */
public final class TxnLog {

    public static final String KEY = "txn";
    public static final String HEADER = "X-Passcom-Txn";

    private TxnLog() {
    }
}
