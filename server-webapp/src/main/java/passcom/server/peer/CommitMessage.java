package passcom.server.peer;

import passcom.api.Passagem;
import passcom.core.txn.Commit;
import passcom.core.txn.TxnKind;
import passcom.server.client.ApiMapper;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link Commit}, the body of POST /confirmar_servidor. The booking travels in full, in the
 * same shape the customer sees ({@link Passagem}), so every participant keeps a complete copy.
 */
public record CommitMessage(String idTransacao, TxnKind tipo, Passagem passagem) {

    public static CommitMessage of(Commit commit) {
        return new CommitMessage(commit.txnId(), commit.kind(), ApiMapper.passagem(commit.booking()));
    }

    public Commit toCommit() {
        return new Commit(MalformedRequest.require(idTransacao, "id_transacao"), MalformedRequest.require(tipo, "tipo"),
                ApiMapper.booking(MalformedRequest.require(passagem, "passagem")));
    }
}
