package passcom.server.peer;

import java.util.List;
import passcom.core.txn.Commit;
import passcom.core.txn.TxnId;
import passcom.core.txn.TxnKind;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link Commit}, the body of POST /confirmar_servidor. The booking travels in full, as the peer wire's
 * own {@link BookingMessage} (under the name {@code passagem}, as ever), so every participant keeps a complete copy.
 *
 * <p>A batch is a body with only {@code confirmacoes}: several COMMITs from one coordinator, applied in one local
 * transaction and answered with {@link CommitAnswers}. A server from before batches reads such a body as a commit
 * without {@code id_transacao} and answers 400, changing nothing; {@link HttpAirlinePort} then sends it the single form.
 */
public record CommitMessage(String idTransacao, TxnKind tipo, BookingMessage passagem, List<CommitMessage> confirmacoes) {

    public static CommitMessage of(Commit commit) {
        return new CommitMessage(commit.txnId().value(), commit.kind(), BookingMessage.of(commit.booking()), null);
    }

    public static CommitMessage batchOf(List<Commit> commits) {
        return new CommitMessage(null, null, null, commits.stream().map(CommitMessage::of).toList());
    }

    /** Whether this body carries a batch rather than one commit. */
    public boolean isBatch() {
        return confirmacoes != null;
    }

    public Commit toCommit() {
        return new Commit(new TxnId(MalformedRequest.require(idTransacao, "id_transacao")), MalformedRequest.require(tipo, "tipo"),
                MalformedRequest.require(passagem, "passagem").toBooking());
    }

    /** The batch's commits; a nested batch is malformed (400). */
    public List<Commit> toCommits() {
        if (confirmacoes.isEmpty() || confirmacoes.size() > HttpAirlinePort.COMMITS_PER_MESSAGE) {
            throw new MalformedRequest("'confirmacoes' deve ter de 1 a " + HttpAirlinePort.COMMITS_PER_MESSAGE + " confirmações");
        }
        return confirmacoes.stream().map(c -> {
            if (c == null || c.isBatch()) {
                throw new MalformedRequest("cada item de 'confirmacoes' deve ser uma confirmação com 'id_transacao', 'tipo' e 'passagem'");
            }
            return c.toCommit();
        }).toList();
    }
}
