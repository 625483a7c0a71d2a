package passcom.server.peer;

import java.util.List;
import passcom.core.txn.Vote;
import passcom.server.http.MalformedRequest;

/** Wire form of {@link Vote}: {"voto":"RESERVADO","assentos":[1,3]} or {"voto":"RECUSADO","motivo":"..."}. */
public record VoteMessage(Kind voto, List<Integer> assentos, String motivo) {

    public enum Kind { RESERVADO, RECUSADO }

    public static VoteMessage of(Vote vote) {
        if (vote instanceof Vote.Held held) {
            return new VoteMessage(Kind.RESERVADO, held.seats(), null);
        }
        return new VoteMessage(Kind.RECUSADO, null, ((Vote.Refused) vote).reason());
    }

    public Vote toVote() {
        if (MalformedRequest.require(voto, "voto") == Kind.RESERVADO) {
            return new Vote.Held(MalformedRequest.require(assentos, "assentos"));
        }
        return new Vote.Refused(motivo == null ? "recusado sem motivo" : motivo);
    }
}
