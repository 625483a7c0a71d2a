package passcom.server.peer;

import passcom.server.http.MalformedRequest;

/** The body of POST /rollback: release whatever this transaction holds. */
public record AbortMessage(String idTransacao) {
    public String txnId() {
        return MalformedRequest.require(idTransacao, "id_transacao");
    }
}
