package passcom.server.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import passcom.api.Erro;
import passcom.core.NotFound;
import passcom.core.booking.Booking;
import passcom.core.cpf.Cpf;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.AirlineUnreachable;
import passcom.core.txn.TicketSearch;
import passcom.server.auth.token.BearerToken;
import passcom.server.auth.token.VerifiedToken;
import passcom.server.http.Endpoint;
import passcom.server.http.NotYours;
import passcom.server.http.IncomingRequest;
import passcom.server.http.InvalidToken;
import passcom.server.http.Reply;

/**
 * GET /passagens_cliente, gathered from every airline (access rules: docs/security.md).
 * <ul>
 *   <li>{@code localizador} and {@code cpf}: that one booking, to anyone who has both, if the CPF is a
 *       passenger or its buyer; any other pair is the same 404 as an unknown localizador.</li>
 *   <li>with a bearer token: the bookings where the token's CPF is a passenger or the buyer ({@code cpf}, if
 *       given, must be the token's: 403 otherwise).</li>
 *   <li>{@code cpf} alone: 401 with no booking data, unless the server runs with open access
 *       ({@code --acesso-aberto}), the original contract.</li>
 * </ul>
 */
public final class TicketListServlet extends Endpoint {

    private final AirlineNode node;
    private final BearerToken bearer;
    private final boolean openAccess;

    public TicketListServlet(AirlineNode node, BearerToken bearer, boolean openAccess) {
        super("GET");
        this.node = node;
        this.bearer = bearer;
        this.openAccess = openAccess;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        Optional<VerifiedToken> token = bearer.of(request);
        Optional<String> reference = request.optionalParameter("localizador");
        Optional<String> cpfText = request.optionalParameter("cpf");
        if (reference.isPresent()) {
            Cpf cpf = cpfText.map(Cpf::parse).or(() -> token.map(VerifiedToken::cpf)).orElseGet(() -> Cpf.parse(null));
            return Reply.ok(ApiMapper.passagens(oneBooking(cpf, reference.get())));
        }
        if (token.isPresent()) {
            Cpf own = token.get().cpf();
            if (cpfText.isPresent() && !Cpf.parse(cpfText.get()).equals(own)) {
                throw new NotYours();
            }
            return Reply.ok(ApiMapper.passagens(node.tickets(own)));
        }
        if (!openAccess) {
            throw InvalidToken.missing();
        }
        return Reply.ok(ApiMapper.passagens(node.tickets(Cpf.parse(request.parameter("cpf")))));
    }

    /** The booking named, and nothing else of the CPF's: the per-airline answers keep only it. */
    private TicketSearch oneBooking(Cpf cpf, String reference) {
        String wanted = reference.strip().toUpperCase();
        TicketSearch search = node.tickets(cpf);
        Optional<Booking> found = search.bookings().stream().filter(b -> b.reference().equals(wanted)).findFirst();
        if (found.isEmpty()) {
            if (!search.unavailable().isEmpty()) {
                throw new AirlineUnreachable(String.join(", ", search.unavailable()), "não respondeu; tente de novo em instantes");
            }
            throw new NotFound(Erro.RESERVA_NAO_ENCONTRADA);
        }
        List<AirlineTickets> answers = search.answers().stream()
                .map(a -> new AirlineTickets(a.airline(), a.bookings().stream().filter(b -> b.reference().equals(wanted)).toList(),
                        Set.of(), List.of()))
                .toList();
        return new TicketSearch(cpf, List.of(found.get()), answers, search.unavailable());
    }
}
