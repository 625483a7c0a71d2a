package passcom.client.account;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Window;
import java.time.Clock;
import java.util.Arrays;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ErrorText;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;
import passcom.client.api.PasscomException;
import passcom.client.i18n.Messages;
import passcom.client.purchase.CpfField;

/**
 * "Entrar": a CPF and a password. The call runs off the event thread; a refusal keeps the dialog open with the
 * server's words ("CPF ou senha inválidos", the same for every failure, on purpose) and an empty password
 * field; too many attempts say when to try again. The password is read from the field into a char array that
 * is wiped after the request is built: it is never kept. Modal; event thread.
 */
public final class LoginDialog extends JDialog {

    private final PasscomClient client;
    private final Clock clock;
    private final CpfField cpf = new CpfField();
    private final JPasswordField password = new JPasswordField(20);
    private final JButton submit = new JButton(Messages.get("account.signIn"));
    private final BusyIndicator busy = new BusyIndicator();
    private final AccountForm form = new AccountForm(Messages.get("account.signInIntro"));
    private AccountChoice outcome;

    private LoginDialog(Window owner, PasscomClient client, Clock clock, String cpfHint, String notice) {
        super(owner, Messages.get("account.signInTitle"), ModalityType.APPLICATION_MODAL);
        this.client = client;
        this.clock = clock;
        cpf.setName("login-cpf");
        password.setName("login-password");
        submit.setName("login-submit");
        cpf.setCpf(cpfHint);
        form.field(Messages.get("account.cpf"), cpf);
        form.field(Messages.get("account.password"), password);
        JButton create = new JButton(Messages.get("account.createOne"));
        create.setName("login-create-account");
        create.putClientProperty("JButton.buttonType", "borderless");
        create.addActionListener(e -> {
            outcome = new AccountChoice.WantsSignUp(cpf.validCpf());
            dispose();
        });
        JPanel createRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        createRow.add(new JLabel(Messages.get("account.noAccount") + " "));
        createRow.add(create);
        form.row(createRow);
        form.finish();
        if (notice != null) {
            form.problem(notice);
        }

        JButton cancel = new JButton(Messages.get("common.cancel"));
        cancel.addActionListener(e -> dispose());
        submit.addActionListener(e -> submit());
        getContentPane().add(form, BorderLayout.CENTER);
        getContentPane().add(AccountForm.buttons(getRootPane(), busy, submit, cancel), BorderLayout.SOUTH);
        pack();
        setMinimumSize(getSize());
        setLocationRelativeTo(owner);
        SwingUtilities.invokeLater(() -> (cpf.validCpf().isEmpty() ? cpf : password).requestFocusInWindow());
    }

    /**
     * Shows the dialog; returns what the customer did, or null when they closed it. {@code cpfHint}: the CPF to
     * start with (may be empty); {@code notice}: why the dialog opened (a session that ended), or null.
     */
    public static AccountChoice ask(Component parent, PasscomClient client, Clock clock, String cpfHint, String notice) {
        LoginDialog dialog = new LoginDialog(AccountForm.owner(parent), client, clock, cpfHint, notice);
        dialog.setVisible(true);
        return dialog.outcome;
    }

    private void submit() {
        String digits = cpf.validCpf();
        if (digits.isEmpty()) {
            form.problem(Messages.get("account.problem.cpf"));
            cpf.requestFocusInWindow();
            return;
        }
        char[] typed = password.getPassword();
        if (typed.length == 0) {
            form.problem(Messages.get("account.problem.passwordEmpty"));
            password.requestFocusInWindow();
            return;
        }
        String senha = new String(typed);
        Arrays.fill(typed, '\0');
        submit.setEnabled(false);
        form.guide(Messages.get("account.signingIn"));
        ApiWorker.start(busy, () -> signIn(client, digits, senha, clock), signedIn -> {
            outcome = signedIn;
            dispose();
        }, failure -> {
            submit.setEnabled(true);
            password.setText("");
            form.problem(ErrorText.of(failure));
            password.requestFocusInWindow();
        });
    }

    /** Logs in, then reads the account's name for the greeting (the session stands even if that read fails). */
    static AccountChoice.SignedIn signIn(PasscomClient client, String cpf, String senha, Clock clock) throws PasscomException, InterruptedException {
        AccountSession session = AccountSession.login(client.accounts(), cpf, senha, clock);
        String name;
        try {
            name = session.call(client.accounts()::account).nome();
        } catch (PasscomException e) {
            name = null;
        }
        return new AccountChoice.SignedIn(session, name);
    }
}
