package passcom.server.peer;

import passcom.core.txn.Decision;
import passcom.server.http.MalformedRequest;

/** Wire form of {@link Decision}: {"decisao":"CONFIRMADA","confirmacao":{...}}, "ABORTADA" or "PENDENTE". */
public record DecisionMessage(Kind decisao, CommitMessage confirmacao) {

    public enum Kind { CONFIRMADA, ABORTADA, PENDENTE }

    public static DecisionMessage of(Decision decision) {
        if (decision instanceof Decision.Committed committed) {
            return new DecisionMessage(Kind.CONFIRMADA, CommitMessage.of(committed.commit()));
        }
        return new DecisionMessage(decision instanceof Decision.Aborted ? Kind.ABORTADA : Kind.PENDENTE, null);
    }

    public Decision toDecision() {
        switch (MalformedRequest.require(decisao, "decisao")) {
            case CONFIRMADA:
                return new Decision.Committed(MalformedRequest.require(confirmacao, "confirmacao").toCommit());
            case ABORTADA:
                return new Decision.Aborted();
            default:
                return new Decision.Pending();
        }
    }
}
