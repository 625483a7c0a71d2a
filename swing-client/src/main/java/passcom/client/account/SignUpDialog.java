package passcom.client.account;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Window;
import java.time.Clock;
import java.util.Arrays;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import passcom.api.PedidoCadastro;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ErrorText;
import passcom.client.api.AccountExists;
import passcom.client.api.PasscomException;
import passcom.client.i18n.Messages;
import passcom.client.api.PasscomClient;
import passcom.client.purchase.CpfField;

/**
 * "Criar conta": CPF, name, e-mail and the password twice. The line above the buttons says what is still
 * missing ({@link SignUpForm}) and "Criar conta" waits until nothing is; the server's own refusal (a password
 * too short or too common, a bad e-mail) comes back in its words, and an existing account offers to sign in.
 * On success the customer is signed in with the same password, which is then forgotten. Modal; event thread.
 */
public final class SignUpDialog extends JDialog {

    private final PasscomClient client;
    private final Clock clock;
    private final CpfField cpf = new CpfField();
    private final JTextField name = new JTextField(24);
    private final JTextField email = new JTextField(24);
    private final JPasswordField password = new JPasswordField(20);
    private final JPasswordField again = new JPasswordField(20);
    private final JButton submit = new JButton(Messages.get("account.signUp"));
    private final JButton signInInstead = new JButton(Messages.get("account.signIn"));
    private final BusyIndicator busy = new BusyIndicator();
    private final AccountForm form = new AccountForm(Messages.get("account.signUpIntro"));
    private AccountChoice outcome;
    private boolean sending;

    private SignUpDialog(Window owner, PasscomClient client, Clock clock, String cpfHint) {
        super(owner, Messages.get("account.signUpTitle"), ModalityType.APPLICATION_MODAL);
        this.client = client;
        this.clock = clock;
        cpf.setName("signup-cpf");
        name.setName("signup-name");
        email.setName("signup-email");
        password.setName("signup-password");
        again.setName("signup-password-again");
        submit.setName("signup-submit");
        signInInstead.setName("signup-sign-in");
        cpf.setCpf(cpfHint);
        form.field(Messages.get("account.cpf"), cpf);
        form.field(Messages.get("account.name"), name);
        form.field(Messages.get("account.email"), email);
        form.field(Messages.get("account.password"), password);
        form.field(Messages.get("account.passwordAgain"), again);
        form.finish();
        DocumentListener recheck = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                recheck();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                recheck();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                recheck();
            }
        };
        for (JTextField field : new JTextField[] {cpf, name, email, password, again}) {
            field.getDocument().addDocumentListener(recheck);
        }

        JButton cancel = new JButton(Messages.get("common.cancel"));
        cancel.addActionListener(e -> dispose());
        submit.addActionListener(e -> submit());
        signInInstead.setVisible(false);
        signInInstead.addActionListener(e -> {
            outcome = new AccountChoice.WantsSignIn(cpf.validCpf(), null);
            dispose();
        });
        getContentPane().add(form, BorderLayout.CENTER);
        getContentPane().add(AccountForm.buttons(getRootPane(), busy, submit, signInInstead, cancel), BorderLayout.SOUTH);
        recheck();
        pack();
        setMinimumSize(getSize());
        setLocationRelativeTo(owner);
        SwingUtilities.invokeLater(() -> (cpf.validCpf().isEmpty() ? cpf : name).requestFocusInWindow());
    }

    /**
     * Shows the dialog; returns the signed-in session once the account exists and the customer is in, a wish
     * to sign in instead (the CPF already has an account), or null when they gave up.
     */
    public static AccountChoice ask(Component parent, PasscomClient client, Clock clock, String cpfHint) {
        SignUpDialog dialog = new SignUpDialog(AccountForm.owner(parent), client, clock, cpfHint);
        dialog.setVisible(true);
        return dialog.outcome;
    }

    private void recheck() {
        if (sending) {
            return;
        }
        char[] first = password.getPassword();
        char[] second = again.getPassword();
        try {
            SignUpForm now = SignUpForm.check(cpf.getText(), name.getText(), email.getText(), first, second);
            submit.setEnabled(now.complete());
            if (now.error()) {
                form.problem(now.text());
            } else {
                form.guide(now.text());
            }
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }

    private void submit() {
        char[] typed = password.getPassword();
        String senha = new String(typed);
        Arrays.fill(typed, '\0');
        PedidoCadastro pedido = new PedidoCadastro(cpf.validCpf(), name.getText().strip(), email.getText().strip(), senha);
        sending = true;
        submit.setEnabled(false);
        form.guide(Messages.get("account.creating"));
        ApiWorker.<AccountChoice>start(busy, () -> {
            client.accounts().register(pedido);
            try {
                return LoginDialog.signIn(client, pedido.cpf(), senha, clock);
            } catch (PasscomException created) {
                // the account exists now: a second "Criar conta" would be refused, so the customer signs in instead
                return new AccountChoice.WantsSignIn(pedido.cpf(), Messages.get("account.createdSignIn", ErrorText.of(created)));
            }
        }, signedIn -> {
            outcome = signedIn;
            dispose();
        }, failure -> {
            sending = false;
            recheck();
            if (failure instanceof AccountExists) {
                form.problem(ErrorText.of(failure));
                signInInstead.setVisible(true);
                getRootPane().setDefaultButton(signInInstead);
            } else {
                form.problem(ErrorText.of(failure));
            }
        });
    }
}
