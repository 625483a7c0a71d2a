package passcom.client.purchase;

import java.awt.Component;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.JOptionPane;
import passcom.api.CompraResposta;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ClientPrefs;
import passcom.client.ErrorText;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.PasscomClient;
import passcom.client.api.SeatsUnavailable;
import passcom.client.api.ServerEndpoint;
import passcom.client.i18n.Messages;

/**
 * Buying an itinerary from confirmation to outcome. Each confirmed purchase gets a fresh {@code id_pedido}
 * (a UUID) that every retry reuses, so a retry never buys twice. The customer hears "bought" only on a
 * 200; a 409 names the sold-out leg and refreshes the routes; when the answer never came the dialog says
 * the outcome is unknown and offers a retry on the same server or a look at the tickets — never a failure.
 */
public final class PurchaseFlow {

    private final Component parent;
    private final PasscomClient client;
    private final BusyIndicator busy;
    private final ClientPrefs prefs;
    private final Runnable refreshRoutes;
    private final Consumer<String> showTickets;

    public PurchaseFlow(Component parent, PasscomClient client, BusyIndicator busy, ClientPrefs prefs,
                        Runnable refreshRoutes, Consumer<String> showTickets) {
        this.parent = parent;
        this.client = client;
        this.busy = busy;
        this.prefs = prefs;
        this.refreshRoutes = refreshRoutes;
        this.showTickets = showTickets;
    }

    public void start(Rota route) {
        String cpf = PurchaseDialog.ask(parent, route, prefs.lastCpf());
        if (cpf == null) {
            return;
        }
        prefs.rememberCpf(cpf);
        send(new PedidoCompra(cpf, route.caminho(), UUID.randomUUID().toString()), null);
    }

    /** Sends (server null: the connected one, with failover) or re-sends to {@code server} after an unknown outcome. */
    private void send(PedidoCompra pedido, ServerEndpoint server) {
        ApiWorker.start(busy,
                () -> server == null ? client.buy(pedido) : client.retryPurchase(server, pedido),
                this::bought,
                failure -> failed(pedido, failure));
    }

    private void bought(CompraResposta answer) {
        String html = "<html><p>" + ItineraryText.escape(Messages.get("purchase.done")) + "</p><br><p>"
                + ItineraryText.escape(Messages.get("purchase.reference")) + " <font size='+2'><b>"
                + ItineraryText.escape(answer.passagem().localizador()) + "</b></font></p><br>"
                + ItineraryText.ticket(answer.passagem()) + "</html>";
        JOptionPane.showMessageDialog(parent, html, Messages.get("purchase.doneTitle"), JOptionPane.INFORMATION_MESSAGE);
        // the seats just taken may have been the last of a leg: the listed routes may no longer hold
        refreshRoutes.run();
    }

    private void failed(PedidoCompra pedido, Throwable failure) {
        if (failure instanceof OutcomeUnknown unknown) {
            unknownOutcome(pedido, unknown);
            return;
        }
        JOptionPane.showMessageDialog(parent,
                "<html><p width='420'>" + ItineraryText.escape(ErrorText.of(failure)) + "</p><br><p width='420'>"
                        + ItineraryText.escape(Messages.get("purchase.nothingBought")) + "</p></html>",
                Messages.get("purchase.failedTitle"), JOptionPane.WARNING_MESSAGE);
        if (failure instanceof SeatsUnavailable) {
            refreshRoutes.run();
        }
    }

    private void unknownOutcome(PedidoCompra pedido, OutcomeUnknown unknown) {
        String[] options = {Messages.get("purchase.retry"), Messages.get("purchase.lookUp"), Messages.get("common.close")};
        int choice = JOptionPane.showOptionDialog(parent,
                "<html><p width='420'>" + ItineraryText.escape(Messages.get("purchase.unknown", unknown.server().id())) + "</p></html>",
                Messages.get("purchase.unknownTitle"), JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null, options, options[1]);
        if (choice == 0) {
            send(pedido, unknown.server());
        } else if (choice == 1) {
            showTickets.accept(pedido.cpf());
        }
    }
}
