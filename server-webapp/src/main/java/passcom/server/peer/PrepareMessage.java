package passcom.server.peer;

import java.util.List;
import passcom.core.cpf.Cpf;
import passcom.core.txn.Prepare;
import passcom.core.txn.TxnKind;
import passcom.server.http.MalformedRequest;

/** Wire form of {@link Prepare}, the body of POST /comprar_servidor. */
public record PrepareMessage(String idTransacao, String coordenador, TxnKind tipo, String cpf, String localizador, List<LegKey> trechos) {

    public static PrepareMessage of(Prepare prepare) {
        return new PrepareMessage(prepare.txnId(), prepare.coordinator(), prepare.kind(), prepare.cpf().digits(),
                prepare.reference(), prepare.legs().stream().map(LegKey::of).toList());
    }

    public Prepare toPrepare() {
        List<LegKey> legs = MalformedRequest.require(trechos, "trechos");
        if (legs.stream().anyMatch(leg -> leg == null)) {
            throw new MalformedRequest("O campo 'trechos' tem um trecho nulo");
        }
        return new Prepare(MalformedRequest.require(idTransacao, "id_transacao"),
                MalformedRequest.require(coordenador, "coordenador"), MalformedRequest.require(tipo, "tipo"),
                Cpf.parse(cpf), localizador, legs.stream().map(LegKey::toKey).toList());
    }
}
