package passcom.server.peer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import passcom.core.availability.FeedMessage;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.server.http.MalformedRequest;

/**
 * Wire form of one {@link FeedMessage} of GET /disponibilidade_servidor (the data of one server-sent event):
 * {@code tipo} "retrato" (snapshot, with the price), "alteracao" (delta) or "pulso" (heartbeat).
 */
public record AvailabilityMessage(String tipo, String base, Long versao, BigDecimal precoPor100Km, List<FreeSeats> assentosLivres) {

    static final String SNAPSHOT = "retrato";
    static final String DELTA = "alteracao";
    static final String HEARTBEAT = "pulso";

    /** One segment's free seats. */
    public record FreeSeats(String origem, String destino, Integer livres) {
    }

    public static AvailabilityMessage of(FeedMessage message) {
        if (message instanceof FeedMessage.Snapshot s) {
            return new AvailabilityMessage(SNAPSHOT, s.base(), s.version(), s.pricePer100Km().toBigDecimal(), seats(s.free()));
        }
        if (message instanceof FeedMessage.Delta d) {
            return new AvailabilityMessage(DELTA, d.base(), d.version(), null, seats(d.changed()));
        }
        return new AvailabilityMessage(HEARTBEAT, message.base(), message.version(), null, null);
    }

    /** @throws MalformedRequest a field missing or an unknown {@code tipo} */
    public FeedMessage toMessage() {
        String kind = MalformedRequest.require(tipo, "tipo");
        String from = MalformedRequest.require(base, "base");
        long version = MalformedRequest.require(versao, "versao");
        return switch (kind) {
            case SNAPSHOT -> new FeedMessage.Snapshot(from, version, Money.of(MalformedRequest.require(precoPor100Km, "preco_por100_km")),
                    free());
            case DELTA -> new FeedMessage.Delta(from, version, free());
            case HEARTBEAT -> new FeedMessage.Heartbeat(from, version);
            default -> throw new MalformedRequest("tipo desconhecido: " + kind);
        };
    }

    private Map<Segment.Key, Integer> free() {
        Map<Segment.Key, Integer> free = new TreeMap<>();
        for (FreeSeats seats : MalformedRequest.require(assentosLivres, "assentos_livres")) {
            free.put(new Segment.Key(MalformedRequest.require(seats.origem(), "origem"), MalformedRequest.require(seats.destino(), "destino")),
                    MalformedRequest.require(seats.livres(), "livres"));
        }
        return free;
    }

    private static List<FreeSeats> seats(Map<Segment.Key, Integer> free) {
        return free.entrySet().stream().map(e -> new FreeSeats(e.getKey().origin(), e.getKey().destination(), e.getValue())).toList();
    }
}
