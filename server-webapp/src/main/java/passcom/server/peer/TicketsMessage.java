package passcom.server.peer;

import java.util.List;
import java.util.Set;
import passcom.api.Passagem;
import passcom.api.TrechoPassagem;
import passcom.core.txn.AirlineTickets;
import passcom.server.client.ApiMapper;
import passcom.server.http.MalformedRequest;

/** Wire form of {@link AirlineTickets}, the /passagens_servidor answer. */
public record TicketsMessage(String companhia, List<Passagem> passagens, Set<String> canceladas, List<TrechoPassagem> trechosVendidos) {

    public static TicketsMessage of(AirlineTickets tickets) {
        return new TicketsMessage(tickets.airline(), tickets.bookings().stream().map(ApiMapper::passagem).toList(),
                tickets.cancelled(), tickets.soldLegs().stream().map(ApiMapper::trecho).toList());
    }

    public AirlineTickets toTickets() {
        return new AirlineTickets(MalformedRequest.require(companhia, "companhia"),
                MalformedRequest.require(passagens, "passagens").stream().map(ApiMapper::booking).toList(),
                canceladas == null ? Set.of() : canceladas,
                trechosVendidos == null ? List.of() : trechosVendidos.stream().map(ApiMapper::bookedLeg).toList());
    }
}
