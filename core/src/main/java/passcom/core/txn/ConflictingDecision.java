package passcom.core.txn;

/** A phase-two message contradicts what the participant recorded: COMMIT for an aborted or unknown participation, ABORT for a committed one. */
public final class ConflictingDecision extends RuntimeException {
    public ConflictingDecision(String message) {
        super(message);
    }
}
