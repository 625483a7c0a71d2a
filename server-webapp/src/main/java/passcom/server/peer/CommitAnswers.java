package passcom.server.peer;

import java.util.ArrayList;
import java.util.List;
import passcom.api.Erro;
import passcom.core.txn.Commit;
import passcom.server.http.ErrorMapper;
import passcom.server.http.Reply;

/**
 * The answer to a batch of COMMITs ({@link CommitMessage#confirmacoes}): one result per commit, in the order sent,
 * each with the status the single form would have answered (200 acknowledged, 403 not from the recorded
 * coordinator, 409 a conflicting decision, 503 the store failed) and that answer's body when it is an error.
 */
public record CommitAnswers(List<Result> resultados) {

    /** One commit's answer. */
    public record Result(String idTransacao, int status, Erro erro) {
    }

    /** {@code refusals}: per commit, null (acknowledged) or what refused it. */
    public static CommitAnswers of(List<Commit> commits, List<RuntimeException> refusals) {
        List<Result> results = new ArrayList<>(commits.size());
        for (int i = 0; i < commits.size(); i++) {
            String txn = commits.get(i).txnId().value();
            RuntimeException refusal = refusals.get(i);
            if (refusal == null) {
                results.add(new Result(txn, 200, null));
            } else {
                Reply reply = ErrorMapper.reply(refusal);
                results.add(new Result(txn, reply.status(), reply.body() instanceof Erro erro ? erro : null));
            }
        }
        return new CommitAnswers(results);
    }
}
