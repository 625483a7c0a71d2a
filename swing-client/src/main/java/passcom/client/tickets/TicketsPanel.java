package passcom.client.tickets;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
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
import passcom.client.api.OutcomeUnknown;
import passcom.client.api.PasscomClient;
import passcom.client.i18n.Messages;
import passcom.api.CpfCheck;
import passcom.client.purchase.CpfField;
import passcom.client.purchase.ItineraryText;
import passcom.client.search.AirlineCellRenderer;

/**
 * "Minhas passagens": the bookings of a CPF gathered from every airline, with the airlines that did not
 * answer named, and cancellation of one booking after a confirmation. Event-thread only.
 */
public final class TicketsPanel extends JPanel {

    private final PasscomClient client;
    private final BusyIndicator busy;
    private final ClientPrefs prefs;
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

    public TicketsPanel(PasscomClient client, BusyIndicator busy, ClientPrefs prefs) {
        super(new BorderLayout(0, 8));
        this.client = client;
        this.busy = busy;
        this.prefs = prefs;
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        table.setName("tickets");
        cancel.setName("cancel-ticket");

        JLabel title = new JLabel(Messages.get("tickets.title"));
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 4));
        JButton look = new JButton(Messages.get("tickets.lookUp"));
        look.putClientProperty("JButton.buttonType", "default");
        look.setName("tickets-look-up");
        look.addActionListener(e -> load());
        cpf.addActionListener(e -> load());
        cpf.setCpf(prefs.lastCpf());

        JPanel form = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        form.add(new JLabel(Messages.get("purchase.cpf")));
        form.add(cpf);
        form.add(look);
        form.add(message);
        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        title.setAlignmentX(LEFT_ALIGNMENT);
        form.setAlignmentX(LEFT_ALIGNMENT);
        unavailable.setAlignmentX(LEFT_ALIGNMENT);
        top.add(title);
        top.add(Box.createVerticalStrut(8));
        top.add(form);
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
    }

    /**
     * The tab was opened: the tickets of the CPF last used anywhere in the client (a purchase changes it),
     * looked up again because a purchase or a cancellation elsewhere may have changed them.
     */
    public void opened() {
        String last = prefs.lastCpf();
        if (last != null && !CpfCheck.digits(last).isEmpty() && !last.equals(cpf.validCpf())) {
            cpf.setCpf(last);
        }
        if (!cpf.validCpf().isEmpty()) {
            load();
        }
    }

    public void show(PassagensResposta answer) {
        model.setTickets(answer.passagens());
        List<String> missing = answer.companhiasIndisponiveis() == null ? List.of() : answer.companhiasIndisponiveis();
        unavailable.show(missing.isEmpty() ? null : Messages.get("tickets.unavailable", String.join(", ", missing), missing.size()));
        showInfo(model.getRowCount() == 0 ? Messages.get("tickets.none") : null);
        if (model.getRowCount() > 0) {
            table.setRowSelectionInterval(0, 0);
        }
    }

    private void load() {
        String digits = cpf.validCpf();
        if (digits.isEmpty()) {
            showMessage(cpf.problemText());
            return;
        }
        prefs.rememberCpf(digits);
        showMessage(null);
        ApiWorker.start(busy, () -> client.tickets(digits), this::show, failure -> showMessage(ErrorText.of(failure)));
    }

    private void cancelSelected() {
        int row = table.getSelectedRow();
        if (row < 0) {
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
        ApiWorker.start(busy, () -> client.cancel(ticket.cpf() == null ? cpf.validCpf() : ticket.cpf(), ticket.localizador()),
                this::cancelled, this::cancelFailed);
    }

    private void cancelled(CancelamentoResposta answer) {
        JOptionPane.showMessageDialog(this, Messages.get("tickets.cancelled", answer.passagem().localizador()),
                Messages.get("tickets.cancelTitle"), JOptionPane.INFORMATION_MESSAGE);
        load();
    }

    private void cancelFailed(Throwable failure) {
        String text = failure instanceof OutcomeUnknown unknown
                ? Messages.get("tickets.cancelUnknown", unknown.server().id())
                : ErrorText.of(failure) + " " + Messages.get("tickets.nothingChanged");
        JOptionPane.showMessageDialog(this, "<html><p width='420'>" + ItineraryText.escape(text) + "</p></html>",
                Messages.get("tickets.cancelTitle"), JOptionPane.WARNING_MESSAGE);
        load();
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
