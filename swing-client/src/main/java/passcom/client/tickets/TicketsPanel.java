package passcom.client.tickets;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import passcom.api.CancelamentoResposta;
import passcom.api.Passagem;
import passcom.api.PassagensResposta;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ClientPrefs;
import passcom.client.ErrorText;
import passcom.client.WarningBanner;
import passcom.client.account.AccountFlow;
import passcom.client.account.AccountState;
import passcom.client.api.AccountSession;
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.PasscomClient;
import passcom.client.api.RequestRejected;
import passcom.client.i18n.Messages;
import passcom.client.purchase.CpfField;
import passcom.client.purchase.ItineraryText;
import passcom.client.search.AirlineCellRenderer;

/**
 * "Minhas passagens". A logged-in customer sees the account's bookings gathered from every airline (those
 * bought and those flown as a passenger), with the airlines that did not answer named. Anyone, with or
 * without an account, finds one booking by its localizador and a passenger's CPF ("Buscar por localizador").
 * A booking shown can be cancelled after a confirmation: with the session's token when it came from the
 * account, with the localizador and the CPF typed when it came from the look-up. Event-thread only.
 */
public final class TicketsPanel extends JPanel {

    /** Where the rows on screen came from, so a cancellation and a refresh use the same right. */
    private sealed interface Shown {
    }

    private record FromAccount() implements Shown {
    }

    private record FromLookup(String localizador, String cpf) implements Shown {
    }

    private final PasscomClient client;
    private final BusyIndicator busy;
    private final ClientPrefs prefs;
    private final AccountFlow accounts;
    private final Runnable accountChanged = this::accountChanged;
    private final JLabel accountLine = new JLabel();
    private final JButton refresh = new JButton(Messages.get("tickets.refresh"));
    private final JButton signIn = new JButton(Messages.get("account.signIn") + "…");
    private final JButton signUp = new JButton(Messages.get("account.signUp") + "…");
    private final JTextField localizador = new JTextField(8);
    private final CpfField cpf = new CpfField();
    private final JLabel message = new JLabel(" ");
    private final WarningBanner unavailable = new WarningBanner();
    private final TicketTableModel model = new TicketTableModel();
    private final JTable table = new JTable(model) {
        // a family booking's passengers and seats do not fit their columns: the tooltip shows them whole
        @Override
        public String getToolTipText(java.awt.event.MouseEvent event) {
            int row = rowAtPoint(event.getPoint());
            if (row < 0) {
                return null;
            }
            String passengers = ItineraryText.passengers(model.ticket(convertRowIndexToModel(row)));
            return passengers.isEmpty() ? null : "<html>" + passengers + "</html>";
        }
    };
    private final JButton cancel = new JButton(Messages.get("tickets.cancel"));
    private Shown shown;

    public TicketsPanel(PasscomClient client, BusyIndicator busy, ClientPrefs prefs, AccountFlow accounts) {
        super(new BorderLayout(0, 8));
        this.client = client;
        this.busy = busy;
        this.prefs = prefs;
        this.accounts = accounts;
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        table.setName("tickets");
        cancel.setName("cancel-ticket");
        refresh.setName("tickets-look-up");
        signIn.setName("tickets-sign-in");
        localizador.setName("lookup-localizador");
        cpf.setName("lookup-cpf");

        JLabel title = new JLabel(Messages.get("tickets.title"));
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 4));
        refresh.putClientProperty("JButton.buttonType", "default");
        refresh.addActionListener(e -> loadAccount());
        signIn.putClientProperty("JButton.buttonType", "default");
        signIn.addActionListener(e -> accounts.signIn());
        signUp.addActionListener(e -> accounts.signUp());
        JPanel accountRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        accountRow.add(accountLine);
        accountRow.add(refresh);
        accountRow.add(signIn);
        accountRow.add(signUp);

        JLabel lookupTitle = new JLabel(Messages.get("tickets.byLocalizador"));
        lookupTitle.setFont(lookupTitle.getFont().deriveFont(Font.BOLD));
        JLabel lookupIntro = new JLabel(Messages.get("tickets.byLocalizadorIntro"));
        // a style, not a colour: it follows a switch between the light and dark themes
        lookupIntro.putClientProperty("FlatLaf.style", "foreground: $Label.disabledForeground");
        localizador.putClientProperty("JTextField.placeholderText", Messages.get("tickets.localizadorHint"));
        localizador.addActionListener(e -> lookUp());
        cpf.addActionListener(e -> lookUp());
        cpf.setCpf(prefs.lastCpf());
        JButton find = new JButton(Messages.get("tickets.find"));
        find.setName("lookup-find");
        find.addActionListener(e -> lookUp());
        JPanel lookupRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        lookupRow.add(new JLabel(Messages.get("tickets.localizador")));
        lookupRow.add(localizador);
        lookupRow.add(new JLabel(Messages.get("purchase.cpf")));
        lookupRow.add(cpf);
        lookupRow.add(find);
        lookupRow.add(message);

        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        for (JPanel row : new JPanel[] {accountRow, lookupRow}) {
            row.setAlignmentX(LEFT_ALIGNMENT);
        }
        for (JLabel label : new JLabel[] {title, lookupTitle, lookupIntro}) {
            label.setAlignmentX(LEFT_ALIGNMENT);
        }
        unavailable.setAlignmentX(LEFT_ALIGNMENT);
        top.add(title);
        top.add(Box.createVerticalStrut(8));
        top.add(accountRow);
        top.add(Box.createVerticalStrut(14));
        top.add(lookupTitle);
        top.add(Box.createVerticalStrut(2));
        top.add(lookupIntro);
        top.add(Box.createVerticalStrut(4));
        top.add(lookupRow);
        top.add(Box.createVerticalStrut(8));
        top.add(unavailable);

        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setDefaultRenderer(List.class, new AirlineCellRenderer());
        DefaultTableCellRenderer right = new DefaultTableCellRenderer();
        right.setHorizontalAlignment(SwingConstants.RIGHT);
        table.getColumnModel().getColumn(TicketTableModel.DISTANCE).setCellRenderer(right);
        table.getColumnModel().getColumn(TicketTableModel.PRICE).setCellRenderer(right);
        int[] widths = {90, 240, 340, 120, 140, 90, 110, 140};
        for (int column = 0; column < widths.length; column++) {
            table.getColumnModel().getColumn(column).setPreferredWidth(widths[column]);
        }
        table.setRowHeight(Math.max(table.getRowHeight(), 24));
        table.getTableHeader().setReorderingAllowed(false);
        table.getSelectionModel().addListSelectionListener(e -> cancel.setEnabled(table.getSelectedRow() >= 0));
        cancel.setEnabled(false);
        cancel.addActionListener(e -> cancelSelected());
        JPanel bottom = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
        bottom.add(cancel);

        add(top, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
        accounts.state().addListener(accountChanged);
        showAccountLine();
    }

    /** The tab was opened: a logged-in customer's list is read again (a purchase or a cancellation may have changed it). */
    public void opened() {
        if (accounts.state().loggedIn()) {
            loadAccount();
        }
    }

    /** Shows one booking found elsewhere (e.g. just bought by a guest) as if looked up by its localizador and CPF. */
    public void showLookup(String reference, String cpfDigits) {
        localizador.setText(reference);
        cpf.setCpf(cpfDigits);
        lookUp();
    }

    /** Stops following the account state (the window is being replaced). */
    public void dispose() {
        accounts.state().removeListener(accountChanged);
    }

    private void accountChanged() {
        showAccountLine();
        if (accounts.state().loggedIn()) {
            loadAccount();
        } else if (shown instanceof FromAccount) {
            show(null, null);
        }
    }

    private void showAccountLine() {
        AccountState state = accounts.state();
        boolean in = state.loggedIn();
        accountLine.setText(in ? Messages.get("tickets.accountOf", state.displayName(), state.formattedCpf()) : Messages.get("tickets.guest"));
        refresh.setVisible(in);
        signIn.setVisible(!in);
        signUp.setVisible(!in);
    }

    private void loadAccount() {
        AccountSession session = accounts.state().session().orElse(null);
        if (session == null) {
            return;
        }
        showMessage(null);
        ApiWorker.start(busy, () -> session.call(client::myTickets), answer -> show(answer, new FromAccount()),
                failure -> showMessage(ErrorText.of(failure)));
    }

    private void lookUp() {
        String reference = localizador.getText().strip().toUpperCase(Locale.ROOT);
        if (reference.isEmpty()) {
            showMessage(Messages.get("tickets.localizadorMissing"));
            localizador.requestFocusInWindow();
            return;
        }
        String digits = cpf.validCpf();
        if (digits.isEmpty()) {
            showMessage(cpf.problemText());
            cpf.requestFocusInWindow();
            return;
        }
        prefs.rememberCpf(digits);
        showMessage(null);
        ApiWorker.start(busy, () -> client.ticket(reference, digits), answer -> show(answer, new FromLookup(reference, digits)),
                failure -> {
                    if (failure instanceof RequestRejected rejected && rejected.status() == 404) {
                        show(null, null);
                        showMessage(Messages.get("tickets.notFound"));
                    } else {
                        showMessage(ErrorText.of(failure));
                    }
                });
    }

    private void show(PassagensResposta answer, Shown from) {
        shown = from;
        model.setTickets(answer == null ? null : answer.passagens());
        List<String> missing = answer == null || answer.companhiasIndisponiveis() == null ? List.of() : answer.companhiasIndisponiveis();
        unavailable.show(missing.isEmpty() ? null : Messages.get("tickets.unavailable", String.join(", ", missing), missing.size()));
        if (answer != null) {
            showInfo(model.getRowCount() > 0 ? null : Messages.get(from instanceof FromAccount ? "tickets.noneAccount" : "tickets.none"));
        }
        if (model.getRowCount() > 0) {
            table.setRowSelectionInterval(0, 0);
        }
    }

    private void cancelSelected() {
        int row = table.getSelectedRow();
        if (row < 0 || shown == null) {
            return;
        }
        Passagem ticket = model.ticket(table.convertRowIndexToModel(row));
        String[] options = {Messages.get("tickets.cancelConfirm"), Messages.get("tickets.keep")};
        int choice = JOptionPane.showOptionDialog(this,
                "<html><p>" + ItineraryText.escape(Messages.get("tickets.cancelQuestion", ticket.localizador())) + "</p><br>"
                        + ItineraryText.ticket(ticket) + ItineraryText.passengers(ticket)
                        + "<br><p>" + ItineraryText.escape(Messages.get("tickets.cancelNote")) + "</p></html>",
                Messages.get("tickets.cancelTitle"), JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE, null, options, options[1]);
        if (choice != 0) {
            return;
        }
        Shown from = shown;
        AccountSession session = accounts.state().session().orElse(null);
        if (from instanceof FromLookup lookup) {
            ApiWorker.start(busy, () -> client.cancel(lookup.cpf(), ticket.localizador()), answer -> cancelled(answer, from),
                    failure -> cancelFailed(failure, from));
        } else if (session != null) {
            ApiWorker.start(busy, () -> session.call(token -> client.cancelAsHolder(token, ticket.localizador())),
                    answer -> cancelled(answer, from), failure -> cancelFailed(failure, from));
        }
    }

    private void cancelled(CancelamentoResposta answer, Shown from) {
        JOptionPane.showMessageDialog(this, Messages.get("tickets.cancelled", answer.passagem().localizador()),
                Messages.get("tickets.cancelTitle"), JOptionPane.INFORMATION_MESSAGE);
        reload(from);
    }

    private void cancelFailed(Throwable failure, Shown from) {
        String text = failure instanceof OutcomeUnknown unknown
                ? Messages.get("tickets.cancelUnknown", unknown.server().id())
                : ErrorText.of(failure) + " " + Messages.get("tickets.nothingChanged");
        JOptionPane.showMessageDialog(this, "<html><p width='420'>" + ItineraryText.escape(text) + "</p></html>",
                Messages.get("tickets.cancelTitle"), JOptionPane.WARNING_MESSAGE);
        reload(from);
    }

    /** Reads the list again from where it came from; a cancelled booking looked up by localizador is simply gone. */
    private void reload(Shown from) {
        if (from instanceof FromAccount) {
            loadAccount();
        } else if (from instanceof FromLookup lookup) {
            ApiWorker.start(busy, () -> client.ticket(lookup.localizador(), lookup.cpf()), answer -> show(answer, from),
                    failure -> show(null, null));
        }
    }

    /** An answer that is not a problem ("no tickets"), in the ordinary text colour. */
    private void showInfo(String text) {
        showMessage(text);
        message.setForeground(UIManager.getColor("Label.foreground"));
    }

    /** A problem (bad CPF, no server), in the error colour; null clears it. */
    private void showMessage(String text) {
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        message.setText(text == null ? " " : text);
    }
}
