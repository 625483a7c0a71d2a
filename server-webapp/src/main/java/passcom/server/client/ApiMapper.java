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
import passcom.api.OrderCheck;
import passcom.api.Rede;
import passcom.api.TrechoRede;
import passcom.api.Passagem;
import passcom.api.Passageiro;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.Saude;
import passcom.api.TrechoPassagem;
import passcom.api.TrechoRota;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.Passenger;
import passcom.core.cpf.Cpf;
import passcom.core.cpf.InvalidCpf;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.Itinerary;
import passcom.core.route.RouteNetwork;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.seat.SeatMap;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.Health;
import passcom.core.txn.PurchaseOrder;
import passcom.core.txn.RequestId;
import passcom.core.txn.RouteSearch;
import passcom.core.txn.SeatRequest;
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
        List<Passageiro> passageiros = new ArrayList<>();
        for (int p = 0; p < booking.passengers().size(); p++) {
            Passenger passenger = booking.passengers().get(p);
            passageiros.add(new Passageiro(passenger.cpf().formatted(), passenger.name(), booking.seatsOf(p)));
        }
        return new Passagem(booking.reference(), booking.cpf().formatted(), trechos, booking.km(),
                booking.price().toBigDecimal(), booking.purchasedAt(), booking.soldBy(), passageiros);
    }

    public static Rota rota(Itinerary itinerary) {
        List<TrechoRota> trechos = itinerary.legs().stream()
                .map(leg -> new TrechoRota(leg.segment().origin(), leg.segment().destination(), leg.airline(),
                        leg.segment().km(), leg.price().toBigDecimal()))
                .toList();
        return new Rota(List.of(itinerary.airlines(), itinerary.cities()), trechos, itinerary.km(),
                itinerary.price().toBigDecimal());
    }

    /** The answer without {@code idade_dados_ms}, which {@link RouteSearchServlet} adds to each answer as it goes out. */
    public static CaminhosResposta caminhos(RouteSearch search, String server) {
        return new CaminhosResposta(search.origin(), search.destination(), server, search.unavailable(),
                search.options().shortest().stream().map(ApiMapper::rota).toList(),
                search.options().cheapest().stream().map(ApiMapper::rota).toList(),
                search.answers().stream().map(ApiMapper::caminhosEncontrados).toList(), null);
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
     * of the network file that no server runs are left out, as are they from each segment's list). Prices are
     * the network's, with this server's own {@code --price} applied; a peer's override is not known here (its
     * route answers carry it, and the searches use those).
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

    /**
     * A purchase request as the core takes it, typed: {@code caminho} ([[one airline per leg], [cities]]) becomes
     * the legs, each seat a {@link SeatRequest}. The shape and limits are {@link OrderCheck}'s (shared with the
     * clients). The body names either {@code cpf} (the original one-passenger body) or {@code passageiros}, never
     * both; the core checks the passengers' count, CPFs and seats against the itinerary.
     */
    public static PurchaseOrder order(PedidoCompra pedido) {
        List<PurchaseOrder.Traveller> passengers = travellers(pedido);
        List<List<String>> caminho = MalformedRequest.require(pedido.caminho(), "caminho");
        String problem = OrderCheck.caminhoProblem(caminho);
        if (problem == null) {
            problem = OrderCheck.requestIdProblem(pedido.idPedido());
        }
        if (problem != null) {
            throw new MalformedRequest(problem);
        }
        return new PurchaseOrder(passengers, PurchaseOrder.legs(caminho.get(0), caminho.get(1)), RequestId.orNull(pedido.idPedido()));
    }

    private static List<PurchaseOrder.Traveller> travellers(PedidoCompra pedido) {
        if (pedido.passageiros() == null) {
            return List.of(new PurchaseOrder.Traveller(Cpf.parse(pedido.cpf())));
        }
        if (pedido.cpf() != null) {
            throw new MalformedRequest("Informe 'cpf' (um passageiro) ou 'passageiros', não os dois");
        }
        if (pedido.passageiros().isEmpty()) {
            throw new MalformedRequest("O campo 'passageiros' está vazio: informe de 1 a " + OrderCheck.MAX_PASSENGERS + " passageiros");
        }
        List<PurchaseOrder.Traveller> travellers = new ArrayList<>();
        for (int p = 0; p < pedido.passageiros().size(); p++) {
            Passageiro passageiro = pedido.passageiros().get(p);
            String field = "passageiros[" + p + "]";
            if (passageiro == null) {
                throw new MalformedRequest("O campo '" + field + "' é nulo");
            }
            Cpf cpf;
            try {
                cpf = Cpf.parse(passageiro.cpf());
            } catch (InvalidCpf e) {
                throw new MalformedRequest(field + ".cpf: " + e.getMessage());
            }
            String name = passageiro.nome() == null || passageiro.nome().isBlank() ? null : passageiro.nome().strip();
            if (passageiro.assentos() != null && passageiro.assentos().contains(0)) {
                throw new MalformedRequest(field + ".assentos: o assento 0 não existe; use null para o primeiro assento livre");
            }
            List<SeatRequest> seats = passageiro.assentos() == null ? List.of()
                    : passageiro.assentos().stream().map(SeatRequest::of).toList();
            travellers.add(new PurchaseOrder.Traveller(cpf, name, seats));
        }
        return travellers;
    }
}
