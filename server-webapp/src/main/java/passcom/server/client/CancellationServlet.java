package passcom.server.client;

import java.util.Optional;
import passcom.api.CancelamentoResposta;
import passcom.api.Erro;
import passcom.api.PedidoCancelamento;
import passcom.core.NotFound;
import passcom.core.cpf.Cpf;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.CancelOutcome;
import passcom.server.auth.token.BearerToken;
import passcom.server.auth.token.VerifiedToken;
import passcom.server.http.Endpoint;
import passcom.server.http.ErrorMapper;
import passcom.server.http.NotYours;
import passcom.server.http.IncomingRequest;
import passcom.server.http.MalformedRequest;
import passcom.server.http.Reply;

/**
 * POST /cancelar_cliente: gives every leg of a booking back on every airline, or changes nothing. Allowed
 * with a bearer token of a passenger or the buyer, or with the localizador and a passenger's (or the
 * buyer's) CPF; a booking the caller may not cancel is the same 404 as an unknown localizador.
 */
public final class CancellationServlet extends Endpoint {

    private final AirlineNode node;
    private final BearerToken bearer;

    public CancellationServlet(AirlineNode node, BearerToken bearer) {
        super("POST");
        this.node = node;
        this.bearer = bearer;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        Optional<VerifiedToken> token = bearer.of(request);
        PedidoCancelamento pedido = request.body(PedidoCancelamento.class);
        String reference = MalformedRequest.require(pedido.localizador(), "localizador").strip();
        Cpf cpf;
        if (token.isPresent()) {
            cpf = token.get().cpf();
            if (pedido.cpf() != null && !pedido.cpf().isBlank() && !Cpf.parse(pedido.cpf()).equals(cpf)) {
                throw new NotYours();
            }
        } else {
            cpf = Cpf.parse(pedido.cpf());
        }
        CancelOutcome outcome;
        try {
            outcome = node.cancel(cpf, reference);
        } catch (NotFound e) {
            throw new NotFound(Erro.RESERVA_NAO_ENCONTRADA);
        }
        if (outcome instanceof CancelOutcome.Cancelled cancelled) {
            return Reply.ok(new CancelamentoResposta(CancelamentoResposta.SUCESSO, ApiMapper.passagem(cancelled.booking())));
        }
        return ErrorMapper.reply(outcome);
    }
}
