package passcom.core.txn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passcom.api.OrderCheck;
import passcom.core.InvalidRequest;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;

/**
 * What only the coordinator can check of a {@link PurchaseOrder}, before anything is written: that its legs exist
 * in the network, chain, and are flown by the airlines named, and that its passengers fit the legs
 * (docs/purchase-protocol.md, "Passengers and chosen seats"). The order's shape and limits are
 * {@link OrderCheck}'s, shared with the clients. Every refusal is an {@link InvalidRequest} (400) naming the
 * passenger, leg or seat.
 */
final class OrderValidation {

    private final RouteNetwork network;
    private final Set<String> federation;

    OrderValidation(RouteNetwork network, Set<String> federation) {
        this.network = network;
        this.federation = federation;
    }

    /** The order's segments, in order. */
    List<Segment> legs(PurchaseOrder order) {
        List<PurchaseOrder.Leg> legs = order.legs();
        if (legs.isEmpty()) {
            throw new InvalidRequest("o caminho precisa de pelo menos duas cidades");
        }
        for (int i = 1; i < legs.size(); i++) {
            if (!legs.get(i).segment().origin().equals(legs.get(i - 1).segment().destination())) {
                throw new InvalidRequest("o trecho " + (i + 1) + " (" + legs.get(i).segment() + ") não começa onde o anterior termina");
            }
        }
        List<String> cities = order.cities();
        cities.forEach(network::city);
        if (new HashSet<>(cities).size() != cities.size()) {
            throw new InvalidRequest("o caminho passa duas vezes pela mesma cidade");
        }
        List<Segment> segments = new ArrayList<>();
        for (PurchaseOrder.Leg leg : legs) {
            segments.add(FlownSegments.require(network, federation, leg.segment().origin(), leg.segment().destination(),
                    leg.airline().value()));
        }
        return segments;
    }

    /**
     * 1 to {@link OrderCheck#MAX_PASSENGERS} passengers, each CPF once (one person cannot sit in two seats of one
     * flight, and a repeated CPF is nearly always a typo), a name of at most {@link OrderCheck#MAX_NAME} characters,
     * and per passenger no seats or one per leg, each within the leg's capacity and chosen by no other passenger.
     */
    void passengers(PurchaseOrder order, List<Segment> legs) {
        List<PurchaseOrder.Traveller> passengers = order.passengers();
        String countProblem = OrderCheck.passengerCountProblem(passengers.size());
        if (countProblem != null) {
            throw new InvalidRequest(countProblem);
        }
        Set<String> cpfs = new HashSet<>();
        Map<Integer, Set<Integer>> chosen = new LinkedHashMap<>();
        for (int p = 0; p < passengers.size(); p++) {
            PurchaseOrder.Traveller passenger = passengers.get(p);
            String who = "passageiro " + (p + 1);
            if (!cpfs.add(passenger.cpf().digits())) {
                throw new InvalidRequest("o CPF " + passenger.cpf() + " aparece mais de uma vez entre os passageiros");
            }
            if (passenger.name() != null && passenger.name().length() > OrderCheck.MAX_NAME) {
                throw new InvalidRequest(who + ": nome longo demais (máximo " + OrderCheck.MAX_NAME + " caracteres)");
            }
            if (passenger.seats().isEmpty()) {
                continue;
            }
            if (passenger.seats().size() != legs.size()) {
                throw new InvalidRequest(who + ": informe um assento por trecho (" + legs.size() + "), ou nenhum; o pedido tem "
                        + passenger.seats().size());
            }
            for (int i = 0; i < legs.size(); i++) {
                if (!(passenger.seatOn(i) instanceof SeatRequest.Chosen seatChosen)) {
                    continue;
                }
                int seat = seatChosen.number();
                Segment leg = legs.get(i);
                String airline = order.legs().get(i).airline().value();
                int capacity = network.airline(airline).orElseThrow().capacityOf(leg.key());
                if (seat < 1 || seat > capacity) {
                    throw new InvalidRequest(who + ": o assento " + seat + " não existe em " + leg.key() + " (companhia "
                            + airline + ", assentos de 1 a " + capacity + ")");
                }
                if (!chosen.computeIfAbsent(i, k -> new HashSet<>()).add(seat)) {
                    throw new InvalidRequest("o assento " + seat + " de " + leg.key() + " foi escolhido por dois passageiros");
                }
            }
        }
    }
}
