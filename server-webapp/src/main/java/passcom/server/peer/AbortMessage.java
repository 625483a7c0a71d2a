package passcom.server.peer;

import passcom.core.txn.TxnId;
import passcom.server.http.MalformedRequest;

/** The body of POST /rollback: release whatever this transaction holds. */
public record AbortMessage(String idTransacao) {
    public TxnId txnId() {
        return new TxnId(MalformedRequest.require(idTransacao, "id_transacao"));
    }
}
