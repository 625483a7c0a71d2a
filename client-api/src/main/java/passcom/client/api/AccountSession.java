package passcom.client.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import passcom.api.Sessao;

/**
 * A logged-in customer: the CPF and the current {@link Sessao}, held in memory only, renewed with
 * {@code /login/renovar} shortly before the access token expires. Every call that needs the account gets its
 * token from {@link #token()} or runs through {@link #call}, so a customer who leaves the window open for
 * an hour never meets an expired token.
 *
 * <p>When renewal is due: {@link #RENEWAL_MARGIN} before {@code expira_em} by the injected {@link Clock}, and
 * never later than halfway through the token's life as it looked on arrival (a server that hands out short
 * tokens is renewed early enough). A server whose clock runs ahead of ours can still refuse a token we
 * think is good: {@link #call} then renews once and repeats the call.
 *
 * <p>A refused refresh token ends the session ({@link SessionEnded}; listeners hear it): the customer must
 * log in again. A renewal that fails for another reason (no server answers) keeps the session, and the
 * current token is still used while it has not expired.
 *
 * <p>Thread-safe: renewals are serialised, so two callers that find the token due renew it once.
 * {@link #current()}, {@link #ended()} and {@link #untilRenewal()} never wait for a renewal in flight, so an
 * event thread may ask them. Listeners run on the thread that renewed or ended the session.
 */
public final class AccountSession {

    /** How long before expiry the token is renewed: a minute, well over any call's time. */
    public static final Duration RENEWAL_MARGIN = Duration.ofMinutes(1);

    /** A call that needs the account's access token. */
    @FunctionalInterface
    public interface TokenCall<T> {
        T call(String token) throws PasscomException, InterruptedException;
    }

    private final Accounts accounts;
    private final String cpf;
    private final Clock clock;
    private final List<Consumer<Sessao>> renewalListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> endListeners = new CopyOnWriteArrayList<>();
    // written under this; volatile so that the questions below never wait for a renewal in flight
    private volatile Sessao current;
    private volatile Instant renewAt;
    private volatile boolean ended;

    private AccountSession(Accounts accounts, String cpf, Sessao sessao, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.cpf = Objects.requireNonNull(cpf, "cpf");
        this.clock = Objects.requireNonNull(clock, "clock");
        adopt(Objects.requireNonNull(sessao, "sessao"));
    }

    /**
     * Logs in and returns the session.
     *
     * @throws NotAuthenticated wrong CPF or password, or the account is locked (the server does not say which)
     */
    public static AccountSession login(Accounts accounts, String cpf, String senha, Clock clock)
            throws PasscomException, InterruptedException {
        return new AccountSession(accounts, cpf, accounts.login(cpf, senha), clock);
    }

    /** A session obtained earlier (the command-line client keeps it in a private file between runs). */
    public static AccountSession resume(Accounts accounts, String cpf, Sessao sessao, Clock clock) {
        return new AccountSession(accounts, cpf, sessao, clock);
    }

    /** The account's CPF (11 digits), as logged in with. */
    public String cpf() {
        return cpf;
    }

    /** The current pair, e.g. to keep it for the next run. */
    public Sessao current() {
        return current;
    }

    public boolean ended() {
        return ended;
    }

    /** Hears each new pair after a renewal (the old refresh token no longer works). */
    public void addRenewalListener(Consumer<Sessao> listener) {
        renewalListeners.add(listener);
    }

    /** Hears once that the session ended: logged out, or the refresh token was refused. */
    public void addEndListener(Runnable listener) {
        endListeners.add(listener);
    }

    /** How long until a renewal is due (zero when it is due now); for a timer that renews ahead of any call. */
    public Duration untilRenewal() {
        Duration left = Duration.between(clock.instant(), renewAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * A usable access token: the current one, or a renewed one when renewal is due.
     *
     * @throws SessionEnded the session ended, or ends now because the refresh token was refused
     * @throws PasscomException no server answered the renewal and the current token has expired
     */
    public synchronized String token() throws PasscomException, InterruptedException {
        renewIfDue();
        return current.token();
    }

    /**
     * Renews when due; returns whether it did. A failure other than a refused refresh token is thrown only
     * when the current token has expired.
     */
    public synchronized boolean renewIfDue() throws PasscomException, InterruptedException {
        throwIfEnded();
        if (clock.instant().isBefore(renewAt)) {
            return false;
        }
        try {
            renew();
        } catch (SessionEnded e) {
            throw e;
        } catch (PasscomException e) {
            if (!clock.instant().isBefore(current.expiraEm())) {
                throw e;
            }
            return false;
        }
        return true;
    }

    /**
     * Runs {@code call} with a usable token; if the server refuses the token anyway (its clock ahead of ours, a
     * key rotated), renews once and repeats. The call must be one that a 401 leaves undone, which every
     * PASSCOM endpoint guarantees.
     */
    public <T> T call(TokenCall<T> call) throws PasscomException, InterruptedException {
        String token = token();
        try {
            return call.call(token);
        } catch (NotAuthenticated refused) {
            synchronized (this) {
                throwIfEnded();
                if (current.token().equals(token)) {
                    renew();
                }
                token = current.token();
            }
            return call.call(token);
        }
    }

    /**
     * Logs out: the home airline revokes the refresh token. The session ends here whatever the server says,
     * so the tokens are forgotten even when no server answers (that failure is still thrown, so the customer
     * can be told the refresh token stays valid until it expires).
     */
    public void logout() throws PasscomException, InterruptedException {
        String renovacao;
        synchronized (this) {
            if (ended) {
                return;
            }
            renovacao = current.renovacao();
            end();
        }
        accounts.logout(renovacao);
    }

    private void renew() throws PasscomException, InterruptedException {
        Sessao renewed;
        try {
            renewed = accounts.renew(current.renovacao());
        } catch (NotAuthenticated refused) {
            end();
            throw new SessionEnded(refused.serverMessage());
        }
        adopt(renewed);
        renewalListeners.forEach(listener -> listener.accept(renewed));
    }

    private void adopt(Sessao sessao) {
        Instant now = clock.instant();
        Instant expires = Objects.requireNonNull(sessao.expiraEm(), "expira_em");
        Duration life = Duration.between(now, expires);
        Duration margin = life.dividedBy(2).compareTo(RENEWAL_MARGIN) < 0 ? life.dividedBy(2) : RENEWAL_MARGIN;
        this.current = sessao;
        this.renewAt = expires.minus(margin.isNegative() ? Duration.ZERO : margin);
    }

    private void end() {
        if (!ended) {
            ended = true;
            endListeners.forEach(Runnable::run);
        }
    }

    private void throwIfEnded() throws SessionEnded {
        if (ended) {
            throw new SessionEnded(null);
        }
    }
}
