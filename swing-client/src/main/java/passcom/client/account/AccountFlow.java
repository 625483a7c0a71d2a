package passcom.client.account;

import java.awt.Component;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import passcom.client.ApiWorker;
import passcom.client.BusyIndicator;
import passcom.client.ClientPrefs;
import passcom.client.ErrorText;
import passcom.client.api.AccountSession;
import passcom.client.api.PasscomClient;
import passcom.client.i18n.Messages;

/**
 * Signing in, creating an account and signing out, from whichever button the customer pressed: runs the
 * dialogs (moving between "Entrar" and "Criar conta" as the customer asks), puts the session in the
 * {@link AccountState}, keeps its token renewed ({@link TokenRenewal}) and, when the session ends by itself,
 * goes back to a guest and says so. Lives as long as the client, across window rebuilds. Event-thread only.
 */
public final class AccountFlow {

    private final Supplier<Component> parent;
    private final PasscomClient client;
    private final AccountState state;
    private final ClientPrefs prefs;
    private final Clock clock;
    private final Consumer<String> notice;
    private TokenRenewal renewal;

    /**
     * @param parent the window the dialogs belong to (the current main window)
     * @param notice shows a sentence in the main window (a session that ended, a logout not confirmed)
     */
    public AccountFlow(Supplier<Component> parent, PasscomClient client, AccountState state, ClientPrefs prefs, Clock clock,
                       Consumer<String> notice) {
        this.parent = parent;
        this.client = client;
        this.state = state;
        this.prefs = prefs;
        this.clock = clock;
        this.notice = notice;
    }

    public AccountState state() {
        return state;
    }

    /** "Entrar". */
    public void signIn() {
        follow(LoginDialog.ask(parent.get(), client, clock, prefs.lastCpf(), null));
    }

    /** "Criar conta". */
    public void signUp() {
        follow(SignUpDialog.ask(parent.get(), client, clock, prefs.lastCpf()));
    }

    /** "Sair": the home airline revokes the refresh token; this window forgets the session whatever it says. */
    public void signOut(BusyIndicator busy) {
        AccountSession session = state.session().orElse(null);
        if (session == null) {
            return;
        }
        stopRenewal();
        state.signedOut();
        ApiWorker.start(busy, () -> {
            session.logout();
            return Boolean.TRUE;
        }, done -> notice.accept(Messages.get("account.signedOut")),
                failure -> notice.accept(Messages.get("account.signOutUnconfirmed", ErrorText.of(failure))));
    }

    private void follow(AccountChoice choice) {
        AccountChoice next = choice;
        // bounded: each step is a dialog the customer answers; closing one ends the loop
        while (next != null) {
            if (next instanceof AccountChoice.SignedIn signedIn) {
                adopt(signedIn);
                return;
            }
            if (next instanceof AccountChoice.WantsSignUp wants) {
                next = SignUpDialog.ask(parent.get(), client, clock, wants.cpf().isEmpty() ? prefs.lastCpf() : wants.cpf());
            } else if (next instanceof AccountChoice.WantsSignIn wants) {
                next = LoginDialog.ask(parent.get(), client, clock, wants.cpf(), wants.notice());
            }
        }
    }

    private void adopt(AccountChoice.SignedIn signedIn) {
        AccountSession session = signedIn.session();
        prefs.rememberCpf(session.cpf());
        session.addEndListener(() -> SwingUtilities.invokeLater(() -> ended(session)));
        stopRenewal();
        renewal = new TokenRenewal(session);
        renewal.start();
        state.signedIn(session, signedIn.name());
    }

    /** The session ended by itself (its refresh token refused): back to a guest, and the customer is told. */
    private void ended(AccountSession session) {
        if (state.session().orElse(null) != session) {
            return;
        }
        stopRenewal();
        state.signedOut();
        notice.accept(Messages.get("account.sessionEnded"));
    }

    private void stopRenewal() {
        if (renewal != null) {
            renewal.stop();
            renewal = null;
        }
    }
}
