package passcom.client.purchase;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.UIManager;
import passcom.api.Assento;
import passcom.api.MapaAssentos;
import passcom.client.i18n.Messages;

/**
 * One leg's seat map as a clear grid: rows of six seats with an aisle after the third, numbered as the
 * airline numbers them. Free seats are buttons; taken ones are greyed and cannot be pressed; a seat chosen
 * for the passenger being seated is filled in the accent colour, one chosen for another passenger of the
 * booking in a lighter tone with that passenger's number. Shows a line of text instead while the map is
 * loading or could not be loaded. Each seat button is named {@code seat-LEG-NUMBER} for tools that click it.
 * Event-thread only.
 */
final class SeatMapPanel extends JPanel {

    static final int PER_ROW = 6;
    private static final int AISLE_AFTER = 3;
    private static final int VISIBLE_ROWS = 4;

    private final SeatChoice choice;
    private final int leg;
    private final IntSupplier seating;
    private final IntConsumer pressed;
    private final JPanel grid = new JPanel(new GridBagLayout());
    private final JLabel status = new JLabel();

    /** {@code seating}: the passenger whose seat a press chooses; {@code pressed}: told the seat number after a press. */
    SeatMapPanel(SeatChoice choice, int leg, IntSupplier seating, IntConsumer pressed) {
        super(new BorderLayout(0, 6));
        this.choice = choice;
        this.leg = leg;
        this.seating = seating;
        this.pressed = pressed;
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        add(status, BorderLayout.NORTH);
        // a fixed size whatever the capacity, so the dialog's layout does not change when the map arrives
        // (a grid growing inside a packed dialog squeezes everything else to its minimum); more rows scroll
        JScrollPane scroll = new JScrollPane(grid);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(20);
        scroll.setPreferredSize(new Dimension(PER_ROW * 50 + 60, VISIBLE_ROWS * 44 + 8));
        add(scroll, BorderLayout.CENTER);
        add(legend(), BorderLayout.SOUTH);
        showStatus(Messages.get("seats.loading"));
    }

    void showStatus(String text) {
        status.setText(text);
        status.setVisible(text != null);
    }

    /** Redraws the grid from the choice and the leg's map. */
    void refresh() {
        grid.removeAll();
        MapaAssentos map = choice.map(leg);
        if (map != null && map.assentos() != null) {
            showStatus(Messages.get("seats.free", map.livres(), map.capacidade()));
            int index = 0;
            for (Assento seat : map.assentos()) {
                int row = index / PER_ROW;
                int column = index % PER_ROW;
                GridBagConstraints c = new GridBagConstraints();
                c.gridx = column + (column >= AISLE_AFTER ? 1 : 0);
                c.gridy = row;
                c.insets = new Insets(2, 2, 2, 2);
                grid.add(button(seat), c);
                index++;
            }
            GridBagConstraints aisle = new GridBagConstraints();
            aisle.gridx = AISLE_AFTER;
            aisle.gridy = 0;
            grid.add(Box.createHorizontalStrut(18), aisle);
        }
        grid.revalidate();
        grid.repaint();
    }

    private JButton button(Assento seat) {
        JButton button = new JButton(String.valueOf(seat.numero()));
        button.setName("seat-" + leg + "-" + seat.numero());
        button.setMargin(new Insets(2, 2, 2, 2));
        button.setPreferredSize(new Dimension(46, 34));
        button.setFocusable(false);
        int holder = choice.holderOf(leg, seat.numero());
        if (!seat.livre()) {
            button.setEnabled(false);
            button.setBackground(takenColour());
            button.setToolTipText(Messages.get("seats.taken", seat.numero()));
        } else if (holder >= 0) {
            boolean current = holder == seating.getAsInt();
            button.setBackground(current ? accent() : lighter(accent()));
            button.setForeground(current ? Color.WHITE : UIManager.getColor("Button.foreground"));
            button.setFont(button.getFont().deriveFont(Font.BOLD));
            button.setText("<html><center>" + seat.numero() + "<br><font size='-2'>P" + (holder + 1) + "</font></center></html>");
            button.setPreferredSize(new Dimension(46, 40));
            button.setToolTipText(Messages.get("seats.chosenFor", seat.numero(), holder + 1));
        } else {
            button.setToolTipText(Messages.get("seats.freeSeat", seat.numero()));
        }
        button.addActionListener(e -> pressed.accept(seat.numero()));
        return button;
    }

    private JPanel legend() {
        JPanel legend = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 0));
        legend.add(swatch(UIManager.getColor("Button.background"), Messages.get("seats.legendFree")));
        legend.add(swatch(takenColour(), Messages.get("seats.legendTaken")));
        legend.add(swatch(accent(), Messages.get("seats.legendChosen")));
        legend.add(new JLabel(Messages.get("seats.legendDefault")));
        return legend;
    }

    private static JLabel swatch(Color colour, String text) {
        JLabel label = new JLabel(text, new javax.swing.Icon() {
            @Override
            public void paintIcon(java.awt.Component c, java.awt.Graphics g, int x, int y) {
                g.setColor(colour);
                g.fillRoundRect(x, y, 14, 14, 4, 4);
                g.setColor(Color.GRAY);
                g.drawRoundRect(x, y, 14, 14, 4, 4);
            }

            @Override
            public int getIconWidth() {
                return 15;
            }

            @Override
            public int getIconHeight() {
                return 15;
            }
        }, JLabel.LEFT);
        label.setIconTextGap(5);
        return label;
    }

    private static Color accent() {
        Color accent = UIManager.getColor("Component.accentColor");
        return accent != null ? accent : new Color(0x2675BF);
    }

    private static Color lighter(Color colour) {
        return new Color((colour.getRed() + 2 * 255) / 3, (colour.getGreen() + 2 * 255) / 3, (colour.getBlue() + 2 * 255) / 3);
    }

    private static Color takenColour() {
        Color disabled = UIManager.getColor("Button.disabledBackground");
        return disabled != null ? disabled.darker() : Color.LIGHT_GRAY;
    }
}
