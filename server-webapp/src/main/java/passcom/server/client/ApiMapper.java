package passcom.server.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passcom.api.Assento;
import passcom.api.CaminhosResposta;
import passcom.api.CidadeRede;
import passcom.api.CompanhiaRede;
import passcom.api.MapaAssentos;
import passcom.api.Rede;
import passcom.api.TrechoRede;
import passcom.api.Passagem;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.Saude;
import passcom.api.TrechoPassagem;
import passcom.api.TrechoRota;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.Itinerary;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.seat.SeatMap;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.Health;
import passcom.core.txn.PurchaseOrder;
import passcom.core.txn.RouteSearch;
import passcom.core.txn.TicketSearch;
import passcom.server.http.MalformedRequest;

/**
 * Core types to the client-facing records of {@code passcom.api} and back, in one place. Prices are
 * {@link Money} in the core and two-decimal {@link java.math.BigDecimal} on the wire; CPFs are shown
 * formatted (529.982.247-25) and accepted in either form.
 */
public final class ApiMapper {

    private ApiMapper() {
    }

    public static Passagem passagem(Booking booking) {
        List<TrechoPassagem> trechos = booking.legs().stream()
                .map(leg -> new TrechoPassagem(leg.segment().origin(), leg.segment().destination(), leg.airline(),
                        leg.seat(), leg.segment().km(), leg.price().toBigDecimal()))
                .toList();
        return new Passagem(booking.reference(), booking.cpf().formatted(), trechos, booking.km(),
                booking.price().toBigDecimal(), booking.purchasedAt(), booking.soldBy());
    }

    /** The inverse of {@link #passagem}: how a booking travels between servers. */
    public static Booking booking(Passagem passagem) {
        MalformedRequest.require(passagem.trechos(), "trechos");
        List<BookedLeg> legs = passagem.trechos().stream().map(ApiMapper::bookedLeg).toList();
        return new Booking(MalformedRequest.require(passagem.localizador(), "localizador"),
                Cpf.parse(passagem.cpf()), legs, MalformedRequest.require(passagem.compradaEm(), "comprada_em"),
                passagem.vendidaPor());
    }

    public static BookedLeg bookedLeg(TrechoPassagem trecho) {
        try {
            Segment segment = new Segment(MalformedRequest.require(trecho.origem(), "origem"),
                    MalformedRequest.require(trecho.destino(), "destino"), trecho.distanciaKm());
            return new BookedLeg(segment, MalformedRequest.require(trecho.companhia(), "companhia"), trecho.assento(),
                    Money.of(MalformedRequest.require(trecho.preco(), "preco")));
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest("Trecho inválido: " + e.getMessage());
        }
    }

    public static TrechoPassagem trecho(BookedLeg leg) {
        return new TrechoPassagem(leg.segment().origin(), leg.segment().destination(), leg.airline(), leg.seat(),
                leg.segment().km(), leg.price().toBigDecimal());
    }

    public static Rota rota(Itinerary itinerary) {
        List<TrechoRota> trechos = itinerary.legs().stream()
                .map(leg -> new TrechoRota(leg.segment().origin(), leg.segment().destination(), leg.airline(),
                        leg.segment().km(), leg.price().toBigDecimal()))
                .toList();
        return new Rota(List.of(itinerary.airlines(), itinerary.cities()), trechos, itinerary.km(),
                itinerary.price().toBigDecimal());
    }

    public static CaminhosResposta caminhos(RouteSearch search, String server) {
        return new CaminhosResposta(search.origin(), search.destination(), server, search.unavailable(),
                search.options().shortest().stream().map(ApiMapper::rota).toList(),
                search.options().cheapest().stream().map(ApiMapper::rota).toList(),
                search.answers().stream().map(ApiMapper::caminhosEncontrados).toList());
    }

    /** The original's per-airline shape: ["A", ["Cuiabá", "Goiânia"], ["Cuiabá", ...], ...]. */
    public static List<Object> caminhosEncontrados(AirlinePaths answer) {
        List<Object> entry = new ArrayList<>();
        entry.add(answer.airline());
        entry.addAll(answer.paths());
        return entry;
    }

    public static PassagensResposta passagens(TicketSearch search) {
        return new PassagensResposta(search.cpf().formatted(),
                search.bookings().stream().map(ApiMapper::passagem).toList(),
                search.unavailable(),
                search.answers().stream().map(ApiMapper::passagensEncontradas).toList());
    }

    /**
     * The original's per-airline shape: ["A", {"trechos":[["O","D"],...],"assentos":[...],"distancia":N,"valor":N}, ...],
     * one object per active booking, holding only the legs this airline flies (bookings it merely coordinated
     * are left out).
     */
    public static List<Object> passagensEncontradas(AirlineTickets answer) {
        List<Object> entry = new ArrayList<>();
        entry.add(answer.airline());
        for (Booking booking : answer.bookings()) {
            List<BookedLeg> own = booking.legs().stream().filter(l -> l.airline().equals(answer.airline())).toList();
            if (own.isEmpty()) {
                continue;
            }
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("trechos", own.stream().map(l -> List.of(l.segment().origin(), l.segment().destination())).toList());
            ticket.put("assentos", own.stream().map(BookedLeg::seat).toList());
            ticket.put("distancia", own.stream().mapToInt(l -> l.segment().km()).sum());
            ticket.put("valor", own.stream().map(BookedLeg::price).reduce(Money.ZERO, Money::plus).toBigDecimal());
            entry.add(ticket);
        }
        return entry;
    }

    /** A seat map with every seat 1..capacity listed, free or not. */
    public static MapaAssentos mapaAssentos(SeatMap map) {
        List<Assento> assentos = new ArrayList<>(map.capacity());
        for (int seat = 1; seat <= map.capacity(); seat++) {
            assentos.add(new Assento(seat, !map.taken().contains(seat)));
        }
        return new MapaAssentos(map.segment().origin(), map.segment().destination(), map.airline(), map.capacity(), map.free(), assentos);
    }

    /**
     * The network as the client draws it: every city and segment, and the airlines of this federation (those
     * of the network file that no server runs are left out, as are they from each segment's list).
     */
    public static Rede rede(RouteNetwork network, Set<String> federation) {
        List<Airline> flying = network.airlines().stream().filter(a -> federation.contains(a.id())).toList();
        return new Rede(
                network.cities().stream().map(c -> new CidadeRede(c.name(), c.latitude(), c.longitude())).toList(),
                network.segments().stream().map(s -> new TrechoRede(s.origin(), s.destination(), s.km(),
                        flying.stream().filter(a -> a.flies(s.key())).map(Airline::id).toList())).toList(),
                flying.stream().map(a -> new CompanhiaRede(a.id(), a.pricePer100Km().toBigDecimal())).toList());
    }

    public static Saude saude(Health health) {
        return new Saude(health.airline(), health.peers(), health.heldSeats(), health.pendingTransactions(), health.soldLegs(),
                health.conflictingDecisions());
    }

    /** A purchase request as the core takes it; {@code caminho} must be [[one airline per leg], [cities]]. */
    public static PurchaseOrder order(PedidoCompra pedido) {
        Cpf cpf = Cpf.parse(pedido.cpf());
        List<List<String>> caminho = MalformedRequest.require(pedido.caminho(), "caminho");
        if (caminho.size() != 2 || caminho.get(0) == null || caminho.get(1) == null
                || caminho.get(1).size() < 2 || caminho.get(0).size() != caminho.get(1).size() - 1
                || caminho.stream().flatMap(List::stream).anyMatch(s -> s == null || s.isBlank())) {
            throw new MalformedRequest("O campo 'caminho' deve ser [[companhia de cada trecho], [cidades]], "
                    + "com uma companhia a menos que cidades, como [[\"A\"], [\"Cuiabá\", \"Goiânia\"]]");
        }
        String requestId = pedido.idPedido() == null || pedido.idPedido().isBlank() ? null : pedido.idPedido();
        if (requestId != null && requestId.length() > 100) {
            throw new MalformedRequest("O campo 'id_pedido' passa de 100 caracteres");
        }
        return new PurchaseOrder(cpf, caminho.get(0), caminho.get(1), requestId);
    }
}
