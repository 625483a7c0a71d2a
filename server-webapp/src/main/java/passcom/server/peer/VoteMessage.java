package passcom.server.peer;

import java.math.BigDecimal;
import java.util.List;
import passcom.core.money.Money;
import passcom.core.txn.Vote;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link Vote}: {"voto":"RESERVADO","assentos":[1,3],"precos":[1023.50,805.00]} or
 * {"voto":"RECUSADO","motivo":"sem assento em ..."}; EM_DISPUTA is a refusal while other transactions hold
 * the seats (the coordinator may retry).
 */
public record VoteMessage(Kind voto, List<Integer> assentos, List<BigDecimal> precos, String motivo) {

    public enum Kind { RESERVADO, RECUSADO, EM_DISPUTA }

    public static VoteMessage of(Vote vote) {
        if (vote instanceof Vote.Held held) {
            return new VoteMessage(Kind.RESERVADO, held.seats(), held.prices().stream().map(Money::toBigDecimal).toList(), null);
        }
        Vote.Refused refused = (Vote.Refused) vote;
        return new VoteMessage(refused.contended() ? Kind.EM_DISPUTA : Kind.RECUSADO, null, null, refused.reason());
    }

    public Vote toVote() {
        if (MalformedRequest.require(voto, "voto") == Kind.RESERVADO) {
            return new Vote.Held(MalformedRequest.require(assentos, "assentos"),
                    MalformedRequest.require(precos, "precos").stream().map(Money::of).toList());
        }
        return new Vote.Refused(motivo == null ? "recusado sem motivo" : motivo, voto == Kind.EM_DISPUTA);
    }
}
