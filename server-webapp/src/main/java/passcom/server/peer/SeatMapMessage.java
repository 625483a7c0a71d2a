package passcom.server.peer;

import java.util.List;
import java.util.TreeSet;
import passcom.core.route.Segment;
import passcom.core.seat.SeatMap;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of {@link SeatMap}, the /assentos_servidor answer: the taken numbers only, so a 300-seat leg
 * nearly empty is a few bytes: {"companhia":"B","origem":"…","destino":"…","capacidade":3,"ocupados":[1]}.
 */
public record SeatMapMessage(String companhia, String origem, String destino, int capacidade, List<Integer> ocupados) {

    public static SeatMapMessage of(SeatMap map) {
        return new SeatMapMessage(map.airline(), map.segment().origin(), map.segment().destination(), map.capacity(),
                List.copyOf(map.taken()));
    }

    public SeatMap toSeatMap() {
        return new SeatMap(MalformedRequest.require(companhia, "companhia"),
                new Segment.Key(MalformedRequest.require(origem, "origem"), MalformedRequest.require(destino, "destino")),
                capacidade, new TreeSet<>(MalformedRequest.require(ocupados, "ocupados")));
    }
}
