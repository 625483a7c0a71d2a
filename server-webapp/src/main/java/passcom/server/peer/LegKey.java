package passcom.server.peer;

import passcom.core.route.Segment;
import passcom.server.http.MalformedRequest;

/** Wire form of {@link Segment.Key}: {"origem": "Cuiabá", "destino": "Goiânia"}. */
public record LegKey(String origem, String destino) {

    static LegKey of(Segment.Key key) {
        return new LegKey(key.origin(), key.destination());
    }

    Segment.Key toKey() {
        return new Segment.Key(MalformedRequest.require(origem, "origem"), MalformedRequest.require(destino, "destino"));
    }
}
