package passcom.client.account;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import passcom.api.CpfCheck;
import passcom.client.api.AccountSession;

/**
 * Who is using the window: a guest, or a customer logged in to an account. The {@link AccountSession} and
 * its tokens live here, in memory only: never in the preferences, never on disk, gone when the program
 * ends. Survives the window being rebuilt (language change). Event-thread only; listeners run there.
 */
public final class AccountState {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private AccountSession session;
    private String name;

    /** The logged-in session, or empty for a guest. */
    public Optional<AccountSession> session() {
        return Optional.ofNullable(session);
    }

    public boolean loggedIn() {
        return session != null;
    }

    /** How to greet the customer: the account's name when known, else its CPF. Null for a guest. */
    public String displayName() {
        if (session == null) {
            return null;
        }
        return name != null && !name.isBlank() ? name : CpfCheck.formatted(session.cpf());
    }

    /** The account's CPF, formatted, or null for a guest. */
    public String formattedCpf() {
        return session == null ? null : CpfCheck.formatted(session.cpf());
    }

    /** Hears every log-in and log-out. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    void signedIn(AccountSession newSession, String accountName) {
        this.session = newSession;
        this.name = accountName;
        listeners.forEach(Runnable::run);
    }

    /** The session is over (logged out, or it could not be renewed): back to a guest. */
    void signedOut() {
        if (session == null) {
            return;
        }
        session = null;
        name = null;
        listeners.forEach(Runnable::run);
    }
}
