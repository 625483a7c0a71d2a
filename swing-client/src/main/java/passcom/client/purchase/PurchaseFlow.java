package passcom.client.purchase;

import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.JOptionPane;
import passcom.api.CompraResposta;
import passcom.api.Passageiro;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.TrechoAssento;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ClientPrefs;
import passcom.client.ErrorText;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.PasscomClient;
import passcom.client.api.SeatTaken;
import passcom.client.api.SeatsUnavailable;
import passcom.client.api.ServerEndpoint;
import passcom.client.i18n.Messages;

/**
 * Buying an itinerary from confirmation to outcome. Each confirmed purchase gets a fresh {@code id_pedido}
 * (a UUID) that every retry reuses, so a retry never buys twice. The customer hears "bought" only on a
 * 200; a 409 names the sold-out leg and refreshes the routes; a 409 naming a chosen seat taken meanwhile
 * says so (nothing bought) and shows the purchase dialog again with the same passengers and fresh seat maps;
 * when the answer never came the dialog says the outcome is unknown and offers a retry on the same server or
 * a look at the tickets — never a failure. One passenger with no name and no seat chosen is sent in the
 * original one-CPF shape, which every server understands; anything more as {@code passageiros}.
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
        confirm(route, List.of(new Passageiro(prefs.lastCpf(), null, null)), null);
    }

    private void confirm(Rota route, List<Passageiro> initial, String notice) {
        List<Passageiro> passengers = PurchaseDialog.ask(parent, route, initial,
                leg -> client.assentos(leg.origem(), leg.destino(), leg.companhia()), busy, notice);
        if (passengers == null) {
            return;
        }
        prefs.rememberCpf(passengers.get(0).cpf());
        PedidoCompra pedido = order(route, passengers, UUID.randomUUID().toString());
        ApiWorker.start(busy, () -> client.buy(pedido), this::bought, failure -> failed(route, pedido, passengers, failure));
    }

    /** The purchase body: the original one-CPF shape when that says everything, else the passengers. */
    static PedidoCompra order(Rota route, List<Passageiro> passengers, String idPedido) {
        Passageiro only = passengers.get(0);
        if (passengers.size() == 1 && only.nome() == null && only.assentos() == null) {
            return new PedidoCompra(only.cpf(), route.caminho(), idPedido);
        }
        return new PedidoCompra(null, route.caminho(), idPedido, List.copyOf(passengers));
    }

    /** Re-sends to {@code server} after an unknown outcome: the same id_pedido, so never bought twice. */
    private void retry(Rota route, PedidoCompra pedido, List<Passageiro> passengers, ServerEndpoint server) {
        ApiWorker.start(busy, () -> client.retryPurchase(server, pedido), this::bought,
                failure -> failed(route, pedido, passengers, failure));
    }

    private void bought(CompraResposta answer) {
        String html = "<html><p>" + ItineraryText.escape(Messages.get("purchase.done")) + "</p><br><p>"
                + ItineraryText.escape(Messages.get("purchase.reference")) + " <font size='+2'><b>"
                + ItineraryText.escape(answer.passagem().localizador()) + "</b></font></p><br>"
                + ItineraryText.ticket(answer.passagem()) + ItineraryText.passengers(answer.passagem()) + "</html>";
        JOptionPane.showMessageDialog(parent, html, Messages.get("purchase.doneTitle"), JOptionPane.INFORMATION_MESSAGE);
        // the seats just taken may have been the last of a leg: the listed routes may no longer hold
        refreshRoutes.run();
    }

    private void failed(Rota route, PedidoCompra pedido, List<Passageiro> passengers, Throwable failure) {
        if (failure instanceof OutcomeUnknown unknown) {
            unknownOutcome(route, pedido, passengers, unknown);
            return;
        }
        if (failure instanceof SeatTaken taken) {
            seatTaken(route, passengers, taken.seat());
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

    /** Nothing was bought: the dialog again, the same passengers, the taken seat dropped, the maps loaded afresh. */
    private void seatTaken(Rota route, List<Passageiro> passengers, TrechoAssento taken) {
        int leg = SeatChoice.legOf(route.trechos(), taken);
        List<Passageiro> again = new ArrayList<>();
        for (Passageiro p : passengers) {
            List<Integer> seats = p.assentos() == null ? null : new ArrayList<>(p.assentos());
            if (seats != null && leg >= 0 && Objects.equals(seats.get(leg), taken.assento())) {
                seats.set(leg, null);
            }
            again.add(new Passageiro(p.cpf(), p.nome(), seats));
        }
        confirm(route, again, Messages.get("purchase.seatTaken", taken.assento(), taken.origem(), taken.destino(), taken.companhia()));
    }

    private void unknownOutcome(Rota route, PedidoCompra pedido, List<Passageiro> passengers, OutcomeUnknown unknown) {
        String[] options = {Messages.get("purchase.retry"), Messages.get("purchase.lookUp"), Messages.get("common.close")};
        int choice = JOptionPane.showOptionDialog(parent,
                "<html><p width='420'>" + ItineraryText.escape(Messages.get("purchase.unknown", unknown.server().id())) + "</p></html>",
                Messages.get("purchase.unknownTitle"), JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null, options, options[1]);
        if (choice == 0) {
            retry(route, pedido, passengers, unknown.server());
        } else if (choice == 1) {
            showTickets.accept(passengers.get(0).cpf());
        }
    }
}
