package passcom.client.purchase;

import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.JOptionPane;
import passcom.api.CompraResposta;
import passcom.api.CpfCheck;
import passcom.api.Passageiro;
import passcom.api.PedidoCompra;
import passcom.api.Rota;
import passcom.api.TrechoAssento;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ClientPrefs;
import passcom.client.ErrorText;
import passcom.client.account.AccountState;
import passcom.client.api.AccountSession;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.PasscomException;
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
 *
 * <p>A guest buys as before. A logged-in customer's purchase carries the session's token, so the booking is
 * also the account's (its buyer) and shows in "Minhas passagens"; the first passenger starts as the account's
 * CPF. A guest is told to keep the localizador, the only way back to the booking without an account.
 */
public final class PurchaseFlow {

    private final Component parent;
    private final PasscomClient client;
    private final BusyIndicator busy;
    private final ClientPrefs prefs;
    private final AccountState account;
    private final Runnable refreshRoutes;
    private final Consumer<String> showTickets;

    /**
     * @param showTickets opens "Minhas passagens" for the account (given the first passenger's CPF); offered after
     *                    an unknown outcome to a logged-in customer only, since a guest cannot list by CPF
     */
    public PurchaseFlow(Component parent, PasscomClient client, BusyIndicator busy, ClientPrefs prefs, AccountState account,
                        Runnable refreshRoutes, Consumer<String> showTickets) {
        this.parent = parent;
        this.client = client;
        this.busy = busy;
        this.prefs = prefs;
        this.account = account;
        this.refreshRoutes = refreshRoutes;
        this.showTickets = showTickets;
    }

    public void start(Rota route) {
        String first = account.session().map(AccountSession::cpf).orElse(prefs.lastCpf());
        confirm(route, List.of(new Passageiro(first, null, null)), null);
    }

    private void confirm(Rota route, List<Passageiro> initial, String notice) {
        List<Passageiro> passengers = PurchaseDialog.ask(parent, route, initial,
                leg -> client.assentos(leg.origem(), leg.destino(), leg.companhia()), busy, notice);
        if (passengers == null) {
            return;
        }
        prefs.rememberCpf(passengers.get(0).cpf());
        PedidoCompra pedido = order(route, passengers, UUID.randomUUID().toString());
        AccountSession buyer = account.session().orElse(null);
        ApiWorker.start(busy, () -> buy(buyer, pedido, null), answer -> bought(answer, buyer), failure -> failed(route, pedido, passengers, buyer, failure));
    }

    /** Sends the purchase, with the buyer's token when logged in; {@code server} non-null for a retry there. */
    private CompraResposta buy(AccountSession buyer, PedidoCompra pedido, ServerEndpoint server) throws PasscomException, InterruptedException {
        if (buyer == null) {
            return server == null ? client.buy(pedido) : client.retryPurchase(server, pedido);
        }
        return buyer.call(token -> server == null ? client.buy(pedido, token) : client.retryPurchase(server, pedido, token));
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
    private void retry(Rota route, PedidoCompra pedido, List<Passageiro> passengers, AccountSession buyer, ServerEndpoint server) {
        ApiWorker.start(busy, () -> buy(buyer, pedido, server), answer -> bought(answer, buyer),
                failure -> failed(route, pedido, passengers, buyer, failure));
    }

    private void bought(CompraResposta answer, AccountSession buyer) {
        String note = buyer != null ? Messages.get("purchase.asAccount", CpfCheck.formatted(buyer.cpf()))
                : Messages.get("purchase.guestNote");
        String html = "<html><p>" + ItineraryText.escape(Messages.get("purchase.done")) + "</p><br><p>"
                + ItineraryText.escape(Messages.get("purchase.reference")) + " <font size='+2'><b>"
                + ItineraryText.escape(answer.passagem().localizador()) + "</b></font></p><br>"
                + ItineraryText.ticket(answer.passagem()) + ItineraryText.passengers(answer.passagem())
                + "<br><p width='420'>" + ItineraryText.escape(note) + "</p></html>";
        JOptionPane.showMessageDialog(parent, html, Messages.get("purchase.doneTitle"), JOptionPane.INFORMATION_MESSAGE);
        // the seats just taken may have been the last of a leg: the listed routes may no longer hold
        refreshRoutes.run();
    }

    private void failed(Rota route, PedidoCompra pedido, List<Passageiro> passengers, AccountSession buyer, Throwable failure) {
        if (failure instanceof OutcomeUnknown unknown) {
            unknownOutcome(route, pedido, passengers, buyer, unknown);
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

    /**
     * Offers a retry (same id_pedido, never twice) and, to a logged-in customer, a look at the account's
     * tickets. A guest has no list to look at: without the localizador the retry is the way to the truth.
     */
    private void unknownOutcome(Rota route, PedidoCompra pedido, List<Passageiro> passengers, AccountSession buyer, OutcomeUnknown unknown) {
        String[] options = buyer != null
                ? new String[] {Messages.get("purchase.retry"), Messages.get("purchase.lookUp"), Messages.get("common.close")}
                : new String[] {Messages.get("purchase.retry"), Messages.get("common.close")};
        String text = Messages.get(buyer != null ? "purchase.unknown" : "purchase.unknownGuest", unknown.server().id());
        int choice = JOptionPane.showOptionDialog(parent, "<html><p width='420'>" + ItineraryText.escape(text) + "</p></html>",
                Messages.get("purchase.unknownTitle"), JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null, options,
                options[buyer != null ? 1 : 0]);
        if (choice == 0) {
            retry(route, pedido, passengers, buyer, unknown.server());
        } else if (choice == 1 && buyer != null) {
            showTickets.accept(passengers.get(0).cpf());
        }
    }
}
