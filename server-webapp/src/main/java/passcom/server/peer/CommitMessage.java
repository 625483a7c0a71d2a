package passcom.server.peer;

import passcom.core.txn.Commit;
import passcom.core.txn.TxnId;
import passcom.core.txn.TxnKind;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link Commit}, the body of POST /confirmar_servidor. The booking travels in full, as the peer wire's
 * own {@link BookingMessage} (under the name {@code passagem}, as ever), so every participant keeps a complete copy.
 */
public record CommitMessage(String idTransacao, TxnKind tipo, BookingMessage passagem) {

    public static CommitMessage of(Commit commit) {
        return new CommitMessage(commit.txnId().value(), commit.kind(), BookingMessage.of(commit.booking()));
    }

    public Commit toCommit() {
        return new Commit(new TxnId(MalformedRequest.require(idTransacao, "id_transacao")), MalformedRequest.require(tipo, "tipo"),
                MalformedRequest.require(passagem, "passagem").toBooking());
    }
}
