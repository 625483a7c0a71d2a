package passcom.server.client;

import passcom.api.CancelamentoResposta;
import passcom.api.PedidoCancelamento;
import passcom.core.cpf.Cpf;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.CancelOutcome;
import passcom.server.http.Endpoint;
import passcom.server.http.ErrorMapper;
import passcom.server.http.IncomingRequest;
import passcom.server.http.MalformedRequest;
import passcom.server.http.Reply;

/** POST /cancelar_cliente: gives every leg of a booking back on every airline, or changes nothing. */
public final class CancellationServlet extends Endpoint {

    private final AirlineNode node;

    public CancellationServlet(AirlineNode node) {
        super("POST");
        this.node = node;
    }

    @Override
    protected Reply handle(IncomingRequest request) {
        PedidoCancelamento pedido = request.body(PedidoCancelamento.class);
        Cpf cpf = Cpf.parse(pedido.cpf());
        String reference = MalformedRequest.require(pedido.localizador(), "localizador").strip();
        CancelOutcome outcome = node.cancel(cpf, reference);
        if (outcome instanceof CancelOutcome.Cancelled cancelled) {
            return Reply.ok(new CancelamentoResposta(CancelamentoResposta.SUCESSO, ApiMapper.passagem(cancelled.booking())));
        }
        return ErrorMapper.reply(outcome);
    }
}
