package passcom.server.peer;

import java.util.ArrayList;
import java.util.List;
import passcom.api.OrderCheck;
import passcom.core.cpf.Cpf;
import passcom.core.txn.Prepare;
import passcom.core.txn.SeatRequest;
import passcom.core.txn.TxnId;
import passcom.core.txn.TxnKind;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link Prepare}, the body of POST /comprar_servidor. {@code cpf} is the first passenger's, as in
 * the original one-passenger message; {@code passageiros} (absent in that message) lists every passenger with the
 * seat chosen on each of {@code trechos}, null for the lowest free. A participant that does not know
 * {@code passageiros} holds one seat per leg, and its vote is then refused by the coordinator (too few seats).
 */
public record PrepareMessage(String idTransacao, String coordenador, TxnKind tipo, String cpf, String localizador, List<LegKey> trechos,
                             List<PassengerSeats> passageiros) {

    /** One passenger of a prepare: {"cpf":"52998224725","assentos":[3,null]} (assentos absent: none chosen). */
    public record PassengerSeats(String cpf, List<Integer> assentos) {
    }

    public static PrepareMessage of(Prepare prepare) {
        List<PassengerSeats> passengers = prepare.passengers().stream()
                .map(p -> new PassengerSeats(p.cpf().digits(), p.seats().isEmpty() ? null
                        : p.seats().stream().map(SeatRequest::toWire).toList()))
                .toList();
        return new PrepareMessage(prepare.txnId().value(), prepare.coordinator(), prepare.kind(), prepare.cpf().digits(),
                prepare.reference(), prepare.legs().stream().map(LegKey::of).toList(), passengers);
    }

    public Prepare toPrepare() {
        List<LegKey> legs = MalformedRequest.require(trechos, "trechos");
        if (legs.stream().anyMatch(leg -> leg == null)) {
            throw new MalformedRequest("O campo 'trechos' tem um trecho nulo");
        }
        List<Prepare.Seating> seating = new ArrayList<>();
        if (passageiros == null || passageiros.isEmpty()) {
            seating.add(new Prepare.Seating(Cpf.parse(cpf), List.of()));
        } else {
            for (PassengerSeats passenger : passageiros) {
                if (passenger == null) {
                    throw new MalformedRequest("O campo 'passageiros' tem um passageiro nulo");
                }
                List<SeatRequest> seats = passenger.assentos() == null ? List.of()
                        : passenger.assentos().stream().map(SeatRequest::of).toList();
                if (!seats.isEmpty() && seats.size() != legs.size()) {
                    throw new MalformedRequest("Cada passageiro informa um assento por trecho, ou nenhum");
                }
                seating.add(new Prepare.Seating(Cpf.parse(passenger.cpf()), seats));
            }
            if (seating.size() > OrderCheck.MAX_PASSENGERS || seating.stream().map(Prepare.Seating::cpf).distinct().count() != seating.size()) {
                throw new MalformedRequest("O campo 'passageiros' tem de 1 a " + OrderCheck.MAX_PASSENGERS + " passageiros, cada CPF uma vez");
            }
        }
        return new Prepare(new TxnId(MalformedRequest.require(idTransacao, "id_transacao")),
                MalformedRequest.require(coordenador, "coordenador"), MalformedRequest.require(tipo, "tipo"),
                localizador, legs.stream().map(LegKey::toKey).toList(), seating);
    }
}
