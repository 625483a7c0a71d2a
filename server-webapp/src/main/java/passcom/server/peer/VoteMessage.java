package passcom.server.peer;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * has one seat per passenger per leg, leg by leg (flattened from {@link Vote.Held}'s legs); {@code assentoOcupado} names the chosen
 * seat that was taken, when that is why.
 */
public record VoteMessage(Kind voto, List<Integer> assentos, List<BigDecimal> precos, AbortReason causa, String motivo,
                          TrechoAssento assentoOcupado) {

    public enum Kind { RESERVADO, RECUSADO, EM_DISPUTA }

    public static VoteMessage of(Vote vote) {
        if (vote instanceof Vote.Held held) {
            return new VoteMessage(Kind.RESERVADO, held.legs().stream().flatMap(leg -> leg.seats().stream()).toList(),
                    held.legs().stream().map(leg -> leg.price().toBigDecimal()).toList(), null, null, null);
        }
        Vote.Refused refused = (Vote.Refused) vote;
        SeatOnLeg seat = refused.seat();
        return new VoteMessage(refused.contended() ? Kind.EM_DISPUTA : Kind.RECUSADO, null, null, refused.why(), refused.reason(),
                seat == null ? null : new TrechoAssento(seat.segment().origin(), seat.segment().destination(), seat.airline(), seat.seat()));
    }

    public Vote toVote() {
        if (MalformedRequest.require(voto, "voto") == Kind.RESERVADO) {
            return held(MalformedRequest.require(assentos, "assentos"), MalformedRequest.require(precos, "precos"));
        }
        AbortReason why = causa != null ? causa : voto == Kind.EM_DISPUTA ? AbortReason.CONTENDED : AbortReason.SOLD_OUT;
        SeatOnLeg seat = assentoOcupado == null ? null : new SeatOnLeg(MalformedRequest.require(assentoOcupado.companhia(), "companhia"),
                new Segment.Key(MalformedRequest.require(assentoOcupado.origem(), "origem"),
                        MalformedRequest.require(assentoOcupado.destino(), "destino")), assentoOcupado.assento());
        return new Vote.Refused(why, motivo == null ? "recusado sem motivo" : motivo, seat);
    }

    /**
     * The flat wire list back into legs: {@code precos} has one price a leg, so each leg's seats are the next
     * {@code assentos.size() / precos.size()} numbers (one a leg from an older participant, which the
     * coordinator then sees as an incomplete hold).
     */
    private static Vote.Held held(List<Integer> assentos, List<BigDecimal> precos) {
        if (precos.isEmpty()) {
            if (!assentos.isEmpty()) {
                throw new MalformedRequest("voto RESERVADO com assentos e sem precos");
            }
            return Vote.Held.cancellation();
        }
        if (assentos.size() % precos.size() != 0) {
            throw new MalformedRequest("voto RESERVADO com " + assentos.size() + " assento(s) para " + precos.size() + " trecho(s)");
        }
        int perLeg = assentos.size() / precos.size();
        List<Vote.HeldLeg> legs = new ArrayList<>();
        for (int leg = 0; leg < precos.size(); leg++) {
            legs.add(new Vote.HeldLeg(assentos.subList(leg * perLeg, (leg + 1) * perLeg), Money.of(precos.get(leg))));
        }
        return new Vote.Held(legs);
    }
}
