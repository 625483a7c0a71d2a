package passcom.client.purchase;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import passcom.api.CpfCheck;
import passcom.api.MapaAssentos;
import passcom.api.OrderCheck;
import passcom.api.Passageiro;
import passcom.api.Rota;
import passcom.api.TrechoRota;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ErrorText;
import passcom.client.api.PasscomException;
import passcom.client.i18n.Messages;
import passcom.client.i18n.Reais;

/**
 * Confirms a purchase: the itinerary leg by leg with airline and price; 1 to {@value #MAX_PASSENGERS}
 * passengers, each with a CPF (checked as typed) and an optional name; a seat map per leg, loaded from the
 * airline when the dialog opens, where a click chooses the seat of the passenger being seated (then the next
 * passenger without one is up); and the total for everyone. A passenger with no seat chosen on a leg gets
 * the lowest free seat there. "Confirmar compra" stays disabled while a CPF is incomplete, invalid or
 * repeated, and the line above the buttons says which. Modal; event thread.
 */
public final class PurchaseDialog extends JDialog {

    public static final int MAX_PASSENGERS = OrderCheck.MAX_PASSENGERS;

    /** Loads one leg's seat map; blocks, so it runs off the event thread. */
    @FunctionalInterface
    public interface SeatMaps {
        MapaAssentos load(TrechoRota leg) throws PasscomException, InterruptedException;
    }

    private final Rota route;
    private final SeatChoice choice;
    private final List<PassengerRow> rows = new ArrayList<>();
    private final JPanel passengerList = new JPanel();
    private final JButton add = new JButton(Messages.get("passenger.add"));
    private final JComboBox<String> seating = new JComboBox<>();
    private final List<SeatMapPanel> maps = new ArrayList<>();
    private final JLabel total = new JLabel();
    private final JLabel hint = new JLabel(" ");
    private final JButton confirm = new JButton(Messages.get("purchase.confirm"));
    private List<Passageiro> chosen;

    private PurchaseDialog(Window owner, Rota route, List<Passageiro> initial, String notice) {
        super(owner, Messages.get("purchase.title"), ModalityType.APPLICATION_MODAL);
        this.route = route;
        this.choice = new SeatChoice(route.trechos().size(), 0);
        JPanel content = new JPanel(new GridBagLayout());
        content.setBorder(BorderFactory.createEmptyBorder(14, 16, 8, 16));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 0, 3, 0);
        if (notice != null) {
            JLabel refusal = new JLabel("<html><p width='560'>" + ItineraryText.escape(notice) + "</p></html>");
            refusal.setName("seat-refusal");
            refusal.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
            content.add(refusal, c);
            c.gridy++;
        }
        content.add(new JLabel(Messages.get("purchase.question")), c);
        c.gridy++;
        content.add(new JLabel("<html>" + ItineraryText.route(route) + "</html>"), c);
        c.gridy++;
        content.add(heading(Messages.get("purchase.passengers")), c);
        c.gridy++;
        passengerList.setLayout(new BoxLayout(passengerList, BoxLayout.Y_AXIS));
        JScrollPane scroll = new JScrollPane(passengerList, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED, JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        // room for three passengers; more scroll
        PassengerRow sample = new PassengerRow(() -> { }, unused -> { });
        sample.setIndex(MAX_PASSENGERS - 1, true);
        Dimension row = sample.getPreferredSize();
        scroll.setPreferredSize(new Dimension(row.width + 24, 3 * row.height + 4));
        scroll.setMinimumSize(scroll.getPreferredSize());
        content.add(scroll, c);
        c.gridy++;
        add.setName("add-passenger");
        add.addActionListener(e -> addPassenger(null, null, null));
        JPanel addRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        addRow.add(add);
        content.add(addRow, c);
        c.gridy++;
        content.add(heading(Messages.get("seats.title")), c);
        c.gridy++;
        JPanel seatingRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        seatingRow.add(new JLabel(Messages.get("seats.for")));
        seating.setName("seating");
        seating.setPrototypeDisplayValue("9. 000.000.000-00 · Maria da Silva");
        seating.addActionListener(e -> maps.forEach(SeatMapPanel::refresh));
        seatingRow.add(seating);
        content.add(seatingRow, c);
        c.gridy++;
        // one tab per leg in one row: a five-leg itinerary would otherwise stack its tabs three rows high
        JTabbedPane legs = new JTabbedPane(JTabbedPane.TOP, JTabbedPane.SCROLL_TAB_LAYOUT);
        legs.setName("legs");
        for (int leg = 0; leg < route.trechos().size(); leg++) {
            TrechoRota t = route.trechos().get(leg);
            int legIndex = leg;
            SeatMapPanel map = new SeatMapPanel(choice, leg, seating::getSelectedIndex, seat -> seatPressed(legIndex, seat));
            maps.add(map);
            legs.addTab(Messages.get("seats.leg", t.origem(), t.destino(), t.companhia()), map);
        }
        c.weighty = 1;
        c.fill = GridBagConstraints.BOTH;
        content.add(legs, c);
        c.gridy++;
        c.weighty = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(10, 0, 2, 0);
        total.setFont(total.getFont().deriveFont(Font.BOLD));
        total.setName("total");
        content.add(total, c);
        c.gridy++;
        c.insets = new Insets(2, 0, 2, 0);
        hint.setFont(hint.getFont().deriveFont(hint.getFont().getSize2D() - 1));
        content.add(hint, c);

        JButton cancel = new JButton(Messages.get("common.cancel"));
        cancel.addActionListener(e -> dispose());
        confirm.setName("confirm");
        confirm.addActionListener(e -> {
            chosen = passengers();
            dispose();
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setBorder(BorderFactory.createEmptyBorder(4, 16, 12, 10));
        buttons.add(cancel);
        buttons.add(confirm);

        getContentPane().add(content, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(confirm);
        for (Passageiro p : initial.isEmpty() ? List.of(new Passageiro(null, null, null)) : initial) {
            addPassenger(p.cpf(), p.nome(), p.assentos());
        }
        pack();
        setLocationRelativeTo(owner);
    }

    /**
     * Shows the dialog and returns the passengers (CPF digits, name or null, a seat per leg or null) once
     * confirmed, or null when the customer gave up. {@code initial}: the passengers to start with (one with the
     * last CPF, or those of a purchase refused because a chosen seat was taken); {@code notice}: why the
     * dialog is shown again, or null.
     */
    public static List<Passageiro> ask(Component parent, Rota route, List<Passageiro> initial, SeatMaps seatMaps,
                                       BusyIndicator busy, String notice) {
        PurchaseDialog dialog = new PurchaseDialog(SwingUtilities.getWindowAncestor(parent), route, initial, notice);
        dialog.loadSeatMaps(seatMaps, busy);
        dialog.setVisible(true);
        return dialog.chosen == null ? null : List.copyOf(dialog.chosen);
    }

    private void loadSeatMaps(SeatMaps seatMaps, BusyIndicator busy) {
        for (int leg = 0; leg < route.trechos().size(); leg++) {
            int legIndex = leg;
            TrechoRota t = route.trechos().get(leg);
            ApiWorker.start(busy, () -> seatMaps.load(t), map -> {
                choice.setMap(legIndex, map);
                maps.get(legIndex).refresh();
                growToFit();
            }, failure -> {
                maps.get(legIndex).showStatus(Messages.get("seats.unavailable", ErrorText.of(failure)));
                growToFit();
            });
        }
    }

    private void addPassenger(String cpf, String name, List<Integer> seats) {
        if (rows.size() >= MAX_PASSENGERS) {
            return;
        }
        PassengerRow row = new PassengerRow(this::refresh, gone -> removePassenger(rows.indexOf(gone)));
        rows.add(row);
        choice.addPassenger();
        int index = rows.size() - 1;
        if (seats != null) {
            for (int leg = 0; leg < seats.size() && leg < choice.legs(); leg++) {
                if (seats.get(leg) != null) {
                    choice.preset(index, leg, seats.get(leg));
                }
            }
        }
        row.fill(cpf, name);
        passengerList.add(row);
        relayOut();
        row.cpfField().requestFocusInWindow();
    }

    private void removePassenger(int index) {
        if (index < 0 || rows.size() <= 1) {
            return;
        }
        passengerList.remove(rows.remove(index));
        choice.removePassenger(index);
        relayOut();
    }

    private void relayOut() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setIndex(i, rows.size() > 1);
        }
        add.setEnabled(rows.size() < MAX_PASSENGERS);
        passengerList.revalidate();
        passengerList.repaint();
        refresh();
    }

    private void seatPressed(int leg, int seat) {
        int passenger = Math.max(0, seating.getSelectedIndex());
        if (choice.toggle(passenger, leg, seat) && choice.holderOf(leg, seat) == passenger) {
            seating.setSelectedIndex(choice.nextUnseated(passenger, leg));
        }
        maps.forEach(SeatMapPanel::refresh);
        refresh();
    }

    /** Re-reads every field: the seating list, the total, the hint, whether one can confirm. */
    private void refresh() {
        int selected = Math.max(0, seating.getSelectedIndex());
        DefaultComboBoxModel<String> labels = new DefaultComboBoxModel<>();
        for (int i = 0; i < rows.size(); i++) {
            labels.addElement(rows.get(i).label(i));
        }
        seating.setModel(labels);
        seating.setSelectedIndex(Math.min(selected, rows.size() - 1));
        BigDecimal sum = route.preco().multiply(BigDecimal.valueOf(rows.size()));
        total.setText(Messages.get("purchase.totalFor", rows.size(), Reais.format(sum)));
        PassengersHint now = PassengersHint.of(rows.stream().map(PassengerRow::typedCpf).toList());
        confirm.setEnabled(now.complete());
        hint.setText(now.text());
        hint.setForeground(UIManager.getColor(now.error() ? "Component.error.focusedBorderColor" : "Label.disabledForeground"));
        maps.forEach(SeatMapPanel::refresh);
        growToFit();
    }

    /**
     * Grows the dialog when its content came to want more room (a longer passenger name, a seat map's text):
     * a GridBagLayout given less than it prefers squeezes every part to its minimum, which hides the
     * passengers. Never shrinks it, so the buttons do not jump under the pointer.
     */
    private void growToFit() {
        if (!isDisplayable()) {
            return;
        }
        Dimension wanted = getPreferredSize();
        Dimension now = getSize();
        if (wanted.width > now.width || wanted.height > now.height) {
            setSize(Math.max(wanted.width, now.width), Math.max(wanted.height, now.height));
            validate();
        }
    }

    private List<Passageiro> passengers() {
        List<Passageiro> passengers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Integer> seats = choice.seatsOf(i);
            boolean anyChosen = seats.stream().anyMatch(Objects::nonNull);
            passengers.add(new Passageiro(rows.get(i).validCpf(), rows.get(i).passengerName(), anyChosen ? seats : null));
        }
        return passengers;
    }

    private static JLabel heading(String text) {
        JLabel label = new JLabel(text);
        label.setFont(label.getFont().deriveFont(Font.BOLD));
        label.setBorder(BorderFactory.createEmptyBorder(8, 0, 0, 0));
        return label;
    }

    /**
     * The line above the buttons. It always says something, so a disabled "Confirmar compra" is never a
     * mystery: which passenger's CPF is still missing digits while typing, which one is wrong once all 11
     * digits are in and the check digits fail or the CPF repeats another passenger's (only then in the error
     * colour: a half-typed CPF is not a mistake), and whose CPF the tickets go to once every one is valid.
     */
    record PassengersHint(String text, boolean error, boolean complete) {

        static PassengersHint of(List<String> typedCpfs) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < typedCpfs.size(); i++) {
                CpfCheck.Problem problem = CpfCheck.problem(typedCpfs.get(i));
                if (problem != null) {
                    return new PassengersHint(Messages.get("passenger.problem", i + 1, Messages.get("cpf." + problem.name())),
                            problem != CpfCheck.Problem.INCOMPLETE, false);
                }
                if (!seen.add(CpfCheck.digits(typedCpfs.get(i)))) {
                    return new PassengersHint(Messages.get("passenger.problem", i + 1, Messages.get("passenger.repeated")), true, false);
                }
            }
            return new PassengersHint(Messages.get("purchase.cpfValid"), false, true);
        }
    }
}
