package passcom.core.txn;

/**
 * A phase-two message contradicts what this participant recorded: a COMMIT for a participation it aborted
 * or never prepared, or an ABORT for one it committed. Answered with an error and never acknowledged, so
 * the coordinator keeps it in its outbox where an operator sees it; counted in /saude and logged at ERROR.
 */
public final class ConflictingDecision extends RuntimeException {
    public ConflictingDecision(String message) {
        super(message);
    }
}
