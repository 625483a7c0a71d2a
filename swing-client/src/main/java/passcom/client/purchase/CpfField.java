package passcom.client.purchase;

import passcom.api.CpfCheck;
import java.text.ParseException;
import javax.swing.JFormattedTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.MaskFormatter;
import passcom.client.i18n.Messages;

/**
 * A CPF typed into the mask 000.000.000-00. Outlined in red while complete but invalid (check digits), so
 * the customer sees the typo before anything is sent; {@link #validCpf()} is the digits only when valid.
 */
public final class CpfField extends JFormattedTextField {

    public CpfField() {
        super(mask());
        // keep a half-typed CPF when focus leaves, instead of silently erasing it
        setFocusLostBehavior(JFormattedTextField.PERSIST);
        setColumns(14);
        getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                refreshOutline();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                refreshOutline();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                refreshOutline();
            }
        });
    }

    public void setCpf(String cpf) {
        String digits = CpfCheck.digits(cpf);
        setText(digits.isEmpty() ? "" : CpfCheck.formatted(digits));
    }

    /** The 11 digits when they form a valid CPF, else empty. */
    public String validCpf() {
        return CpfCheck.isValid(getText()) ? CpfCheck.digits(getText()) : "";
    }

    /** A sentence for the customer about what is wrong, or null when the CPF is valid. */
    public String problemText() {
        CpfCheck.Problem problem = CpfCheck.problem(getText());
        return problem == null ? null : Messages.get("cpf." + problem.name());
    }

    private void refreshOutline() {
        boolean complete = !CpfCheck.digits(getText()).isEmpty();
        putClientProperty("JComponent.outline", complete && !CpfCheck.isValid(getText()) ? "error" : null);
        firePropertyChange("cpfValid", !CpfCheck.isValid(getText()), CpfCheck.isValid(getText()));
    }

    private static MaskFormatter mask() {
        try {
            MaskFormatter mask = new MaskFormatter("###.###.###-##");
            mask.setPlaceholderCharacter('_');
            return mask;
        } catch (ParseException e) {
            throw new IllegalStateException("the CPF mask is constant and valid", e);
        }
    }
}
