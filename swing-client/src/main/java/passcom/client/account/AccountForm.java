package passcom.client.account;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import passcom.client.BusyIndicator;

/**
 * The layout the two account dialogs share: an intro line, then labels over their fields in one column, then
 * a status line that shows guidance in the ordinary text colour and mistakes in the error colour.
 * Event-thread only.
 */
final class AccountForm extends JPanel {

    private final GridBagConstraints c = new GridBagConstraints();
    private final JLabel status = new JLabel(" ");

    AccountForm(String intro) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(16, 18, 6, 18));
        c.gridx = 0;
        c.gridy = 0;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(0, 0, 10, 0);
        add(new JLabel("<html><p width='320'>" + escape(intro) + "</p></html>"), c);
        c.gridy++;
        status.setName("account-status");
    }

    /** A label above its field; the label is wired to the field for screen readers and Alt+key. */
    void field(String label, JComponent field) {
        JLabel caption = new JLabel(label);
        caption.setLabelFor(field);
        caption.setFont(caption.getFont().deriveFont(Font.BOLD));
        c.insets = new Insets(4, 0, 2, 0);
        add(caption, c);
        c.gridy++;
        c.insets = new Insets(0, 0, 6, 0);
        add(field, c);
        c.gridy++;
    }

    /** Anything else in the column (a link, a note). */
    void row(JComponent component) {
        c.insets = new Insets(4, 0, 4, 0);
        add(component, c);
        c.gridy++;
    }

    /** Adds the status line; call last. */
    void finish() {
        c.insets = new Insets(8, 0, 0, 0);
        add(status, c);
        c.gridy++;
    }

    /** The row of buttons under the form, right-aligned after the busy indicator; {@code main} is the default. */
    static JPanel buttons(JRootPane root, BusyIndicator busy, JButton main, JButton... others) {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        row.setBorder(BorderFactory.createEmptyBorder(6, 18, 14, 12));
        row.add(busy);
        for (JButton other : others) {
            row.add(other);
        }
        row.add(main);
        root.setDefaultButton(main);
        return row;
    }

    /** The window a dialog belongs to: {@code parent} itself when it is one (the main frame), else the one holding it. */
    static Window owner(Component parent) {
        return parent == null ? null : parent instanceof Window window ? window : SwingUtilities.getWindowAncestor(parent);
    }

    void guide(String text) {
        status.setForeground(UIManager.getColor("Label.disabledForeground"));
        status.setText(html(text));
        growToFit();
    }

    void problem(String text) {
        status.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        status.setText(html(text));
        growToFit();
    }

    /**
     * Grows the dialog when a longer status line wants more room: a GridBagLayout given less height than it
     * prefers centres its column and cuts off the first and last lines. Never shrinks, so the buttons stay put.
     */
    private void growToFit() {
        Window window = SwingUtilities.getWindowAncestor(this);
        if (window == null || !window.isDisplayable()) {
            return;
        }
        Dimension wanted = window.getPreferredSize();
        Dimension now = window.getSize();
        if (wanted.width > now.width || wanted.height > now.height) {
            window.setSize(Math.max(wanted.width, now.width), Math.max(wanted.height, now.height));
            window.validate();
        }
    }

    String statusText() {
        return status.getText();
    }

    private static String html(String text) {
        return text == null || text.isEmpty() ? " " : "<html><p width='320'>" + escape(text) + "</p></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
