package passcom.client.account;

import java.awt.FlowLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import passcom.client.BusyIndicator;
import passcom.client.i18n.Messages;

/**
 * The right end of the top bar: "Entrar" and "Criar conta" for a guest; "Olá, Ana" and "Sair" for a
 * logged-in customer. Follows the {@link AccountState}; call {@link #dispose()} when its window goes away.
 * Event-thread only.
 */
public final class AccountBar extends JPanel {

    private final AccountFlow flow;
    private final Runnable refresh = this::refresh;
    private final JLabel greeting = new JLabel();
    private final JButton signIn = new JButton(Messages.get("account.signIn"));
    private final JButton signUp = new JButton(Messages.get("account.signUp"));
    private final JButton signOut = new JButton(Messages.get("account.signOut"));

    public AccountBar(AccountFlow flow, BusyIndicator busy) {
        super(new FlowLayout(FlowLayout.RIGHT, 8, 4));
        this.flow = flow;
        greeting.setName("account-greeting");
        signIn.setName("account-sign-in");
        signUp.setName("account-sign-up");
        signOut.setName("account-sign-out");
        signIn.putClientProperty("JButton.buttonType", "default");
        signIn.addActionListener(e -> flow.signIn());
        signUp.addActionListener(e -> flow.signUp());
        signOut.addActionListener(e -> flow.signOut(busy));
        add(greeting);
        add(signUp);
        add(signIn);
        add(signOut);
        flow.state().addListener(refresh);
        refresh();
    }

    /** Stops following the account state (the window is being replaced). */
    public void dispose() {
        flow.state().removeListener(refresh);
    }

    private void refresh() {
        AccountState state = flow.state();
        boolean in = state.loggedIn();
        greeting.setText(in ? Messages.get("account.greeting", state.displayName()) : "");
        greeting.setToolTipText(in ? Messages.get("account.greetingTip", state.formattedCpf()) : null);
        greeting.setVisible(in);
        signOut.setVisible(in);
        signIn.setVisible(!in);
        signUp.setVisible(!in);
        revalidate();
        repaint();
    }
}
