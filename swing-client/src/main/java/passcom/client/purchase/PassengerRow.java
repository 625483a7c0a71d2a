package passcom.client.purchase;

import java.awt.FlowLayout;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import passcom.api.CpfCheck;
import passcom.client.i18n.Messages;

/**
 * One passenger in the purchase dialog: number, CPF (masked, checked as typed) and an optional name, and a
 * button that removes the passenger. Fields are named {@code cpf-N} and {@code name-N} for tools that type
 * into them. Event-thread only.
 */
final class PassengerRow extends JPanel {

    private final JLabel number = new JLabel();
    private final CpfField cpf = new CpfField();
    private final JTextField name = new JTextField(16);
    private final JButton remove = new JButton(Messages.get("passenger.remove"));

    PassengerRow(Runnable changed, Consumer<PassengerRow> removed) {
        super(new FlowLayout(FlowLayout.LEFT, 6, 2));
        name.putClientProperty("JTextField.placeholderText", Messages.get("passenger.nameHint"));
        add(number);
        add(new JLabel(Messages.get("purchase.cpf")));
        add(cpf);
        add(name);
        add(remove);
        DocumentListener listener = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed.run();
            }
        };
        cpf.getDocument().addDocumentListener(listener);
        name.getDocument().addDocumentListener(listener);
        remove.addActionListener(e -> removed.accept(this));
    }

    void setIndex(int index, boolean removable) {
        number.setText(Messages.get("passenger.number", index + 1));
        cpf.setName("cpf-" + index);
        name.setName("name-" + index);
        remove.setName("remove-" + index);
        remove.setVisible(removable);
    }

    void fill(String cpfText, String nameText) {
        cpf.setCpf(cpfText);
        name.setText(nameText == null ? "" : nameText);
    }

    CpfField cpfField() {
        return cpf;
    }

    /** The valid CPF's 11 digits, or "". */
    String validCpf() {
        return cpf.validCpf();
    }

    /** The CPF as typed, mask placeholders and all. */
    String typedCpf() {
        return cpf.getText();
    }

    /** The name typed, or null when none (the name is optional). */
    String passengerName() {
        String text = name.getText().strip();
        return text.isEmpty() ? null : text;
    }

    /** How the passenger reads in lists: the name, else the CPF, else "Passageiro N". */
    String label(int index) {
        String who = passengerName() != null ? passengerName()
                : !validCpf().isEmpty() ? CpfCheck.formatted(validCpf()) : null;
        return who == null ? Messages.get("passenger.number", index + 1) : Messages.get("passenger.labelled", index + 1, who);
    }
}
