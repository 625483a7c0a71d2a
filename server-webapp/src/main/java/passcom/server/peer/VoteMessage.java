package passcom.server.peer;

import java.math.BigDecimal;
import java.util.List;
import passcom.api.TrechoAssento;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.core.seat.SeatOnLeg;
import passcom.core.txn.AbortReason;
import passcom.core.txn.Vote;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link Vote}: {"voto":"RESERVADO","assentos":[1,3],"precos":[1023.50,805.00]} or
 * {"voto":"RECUSADO","causa":"SOLD_OUT","motivo":"sem assento em ..."}; EM_DISPUTA is a refusal while other
 * transactions hold the seats (the coordinator may retry). {@code causa} is the refusal's
 * {@link AbortReason} by name; without it, RECUSADO means sold out. With several passengers, {@code assentos}
 * has one seat per passenger per leg, leg by leg ({@link Vote.Held}); {@code assentoOcupado} names the chosen
 * seat that was taken, when that is why.
 */
public record VoteMessage(Kind voto, List<Integer> assentos, List<BigDecimal> precos, AbortReason causa, String motivo,
                          TrechoAssento assentoOcupado) {

    public enum Kind { RESERVADO, RECUSADO, EM_DISPUTA }

    public static VoteMessage of(Vote vote) {
        if (vote instanceof Vote.Held held) {
            return new VoteMessage(Kind.RESERVADO, held.seats(), held.prices().stream().map(Money::toBigDecimal).toList(), null, null, null);
        }
        Vote.Refused refused = (Vote.Refused) vote;
        SeatOnLeg seat = refused.seat();
        return new VoteMessage(refused.contended() ? Kind.EM_DISPUTA : Kind.RECUSADO, null, null, refused.why(), refused.reason(),
                seat == null ? null : new TrechoAssento(seat.segment().origin(), seat.segment().destination(), seat.airline(), seat.seat()));
    }

    public Vote toVote() {
        if (MalformedRequest.require(voto, "voto") == Kind.RESERVADO) {
            return new Vote.Held(MalformedRequest.require(assentos, "assentos"),
                    MalformedRequest.require(precos, "precos").stream().map(Money::of).toList());
        }
        AbortReason why = causa != null ? causa : voto == Kind.EM_DISPUTA ? AbortReason.CONTENDED : AbortReason.SOLD_OUT;
        SeatOnLeg seat = assentoOcupado == null ? null : new SeatOnLeg(MalformedRequest.require(assentoOcupado.companhia(), "companhia"),
                new Segment.Key(MalformedRequest.require(assentoOcupado.origem(), "origem"),
                        MalformedRequest.require(assentoOcupado.destino(), "destino")), assentoOcupado.assento());
        return new Vote.Refused(why, motivo == null ? "recusado sem motivo" : motivo, seat);
    }
}
