package passcom.core.txn;

import java.util.Map;
import passcom.core.cpf.Cpf;
import passcom.core.route.RouteNetwork;
import passcom.core.route.plan.AirlinePaths;

/**
 * One airline of the federation, everything it does: answers for its own seats (participant), and
 * coordinates searches, purchases and cancellations for the customers connected to it (coordinator).
 * Servlets call one method each. Design: docs/purchase-protocol.md. (Implementation in progress: issue 3.)
 */
public final class AirlineNode implements AutoCloseable {

    /** Opens the store (creating it from the network on first start), recovers, starts the background threads. */
    public static AirlineNode start(NodeConfig config, Map<String, AirlinePort> peers) {
        throw new UnsupportedOperationException("not yet");
    }

    public String airline() { throw new UnsupportedOperationException("not yet"); }

    public RouteNetwork network() { throw new UnsupportedOperationException("not yet"); }

    /** GET /caminhos_cliente. @throws passcom.core.InvalidRequest unknown city or same origin and destination */
    public RouteSearch search(String origin, String destination) { throw new UnsupportedOperationException("not yet"); }

    /** GET /caminhos_servidor: this airline's own 10 best paths. */
    public AirlinePaths localPaths(String origin, String destination) { throw new UnsupportedOperationException("not yet"); }

    /** POST /comprar_cliente. @throws passcom.core.InvalidRequest a path not in the network or not flown by the named airline */
    public PurchaseOutcome purchase(PurchaseOrder order) { throw new UnsupportedOperationException("not yet"); }

    /** GET /passagens_cliente. */
    public TicketSearch tickets(Cpf cpf) { throw new UnsupportedOperationException("not yet"); }

    /** GET /passagens_servidor. */
    public AirlineTickets localTickets(Cpf cpf) { throw new UnsupportedOperationException("not yet"); }

    /** POST /cancelar_cliente. @throws passcom.core.NotFound no such booking for that CPF */
    public CancelOutcome cancel(Cpf cpf, String reference) { throw new UnsupportedOperationException("not yet"); }

    /** POST /comprar_servidor (phase one, as participant). */
    public Vote prepare(Prepare prepare) { throw new UnsupportedOperationException("not yet"); }

    /** POST /confirmar_servidor (phase two COMMIT, as participant). Idempotent. */
    public void commit(Commit commit) { throw new UnsupportedOperationException("not yet"); }

    /** POST /rollback (phase two ABORT, as participant). Idempotent; remembers unknown ids as aborted. */
    public void abort(String txnId) { throw new UnsupportedOperationException("not yet"); }

    /** GET /decisao_servidor (as coordinator). Unknown ids are presumed aborted, and recorded so. */
    public Decision decision(String txnId) { throw new UnsupportedOperationException("not yet"); }

    /** GET /saude. */
    public Health health() { throw new UnsupportedOperationException("not yet"); }

    @Override
    public void close() {
    }
}
