package passcom.client.purchase;

import passcom.api.CpfCheck;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import passcom.api.Rota;
import passcom.client.i18n.Messages;

/**
 * Confirms a purchase: the itinerary leg by leg with airline and price, the total, and the buyer's CPF.
 * "Confirmar compra" stays disabled until the CPF's check digits are right. Modal; event thread.
 */
public final class PurchaseDialog extends JDialog {

    private final CpfField cpf = new CpfField();
    private final JLabel hint = new JLabel(" ");
    private final JButton confirm = new JButton(Messages.get("purchase.confirm"));
    private String chosenCpf;

    private PurchaseDialog(Window owner, Rota route, String lastCpf) {
        super(owner, Messages.get("purchase.title"), ModalityType.APPLICATION_MODAL);
        JPanel content = new JPanel(new GridBagLayout());
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 12, 16));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(4, 0, 4, 0);
        content.add(new JLabel(Messages.get("purchase.question")), c);
        c.gridy = 1;
        content.add(new JLabel("<html>" + ItineraryText.route(route) + "</html>"), c);
        c.gridy = 2;
        c.gridwidth = 1;
        c.insets = new Insets(12, 0, 2, 8);
        content.add(new JLabel(Messages.get("purchase.cpf")), c);
        c.gridx = 1;
        c.insets = new Insets(12, 0, 2, 0);
        content.add(cpf, c);
        c.gridy = 3;
        c.insets = new Insets(0, 2, 0, 0);
        hint.setFont(hint.getFont().deriveFont(hint.getFont().getSize2D() - 1));
        content.add(hint, c);

        JButton cancel = new JButton(Messages.get("common.cancel"));
        cancel.addActionListener(e -> dispose());
        confirm.addActionListener(e -> {
            chosenCpf = cpf.validCpf();
            dispose();
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.setBorder(BorderFactory.createEmptyBorder(4, 16, 12, 10));
        buttons.add(cancel);
        buttons.add(confirm);

        getContentPane().add(content, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(confirm);
        cpf.setCpf(lastCpf);
        // a formatted field spends the first Enter committing its edit, so the default button alone would
        // need two: the field confirms by itself
        cpf.addActionListener(e -> {
            if (confirm.isEnabled()) {
                confirm.doClick();
            }
        });
        cpf.addPropertyChangeListener("cpfValid", e -> refresh());
        cpf.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                refresh();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                refresh();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                refresh();
            }
        });
        refresh();
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog and returns the valid CPF's digits once confirmed, or null when the customer gave up. */
    public static String ask(Component parent, Rota route, String lastCpf) {
        PurchaseDialog dialog = new PurchaseDialog(SwingUtilities.getWindowAncestor(parent), route, lastCpf);
        dialog.setVisible(true);
        return dialog.chosenCpf;
    }

    private void refresh() {
        confirm.setEnabled(!cpf.validCpf().isEmpty());
        CpfHint now = CpfHint.of(cpf.getText());
        hint.setText(now.text());
        hint.setForeground(UIManager.getColor(now.error() ? "Component.error.focusedBorderColor" : "Label.disabledForeground"));
    }

    /**
     * The line under the CPF field. It always says something, so a disabled "Confirmar compra" is never a
     * mystery: what is still missing while typing, the error once all 11 digits are in and the check digits
     * fail (only then in the error colour: a half-typed CPF is not a mistake), and who the ticket is for once valid.
     */
    record CpfHint(String text, boolean error) {

        static CpfHint of(String typed) {
            CpfCheck.Problem problem = CpfCheck.problem(typed);
            if (problem == null) {
                return new CpfHint(Messages.get("purchase.cpfValid"), false);
            }
            return new CpfHint(Messages.get("cpf." + problem.name()), problem != CpfCheck.Problem.INCOMPLETE);
        }
    }
}
