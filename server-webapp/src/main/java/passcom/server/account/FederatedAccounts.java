package passcom.server.account;

import java.util.Optional;
import passcom.api.Conta;
import passcom.api.Sessao;
import passcom.core.account.Account;
import passcom.core.account.Accounts;
import passcom.core.account.ClaimAnswer;
import passcom.core.account.LoginRefused;
import passcom.core.cpf.Cpf;
import passcom.core.cpf.InvalidCpf;
import passcom.server.auth.token.AccessTokens;
import passcom.server.auth.token.VerifiedToken;
import passcom.server.http.InvalidToken;

/**
 * Accounts across the federation, as each airline serves them: the account lives at its home
 * ({@link Accounts}), and any airline can create one (once per CPF, see {@link Accounts#register}), log in to
 * it (the home checks the password and signs the session: the password hash never leaves it), renew and
 * revoke its sessions, read and delete it. Customer-facing methods are called by the customer servlets;
 * the {@code *Here} methods answer the peers' signed calls. Thread-safe. Design: docs/security.md.
 */
public final class FederatedAccounts {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final PeerAccounts peers;

    public FederatedAccounts(Accounts accounts, AccessTokens tokens, PeerAccounts peers) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.peers = peers;
    }

    public String airline() {
        return accounts.airline();
    }

    /** POST /cadastro. */
    public Conta register(Cpf cpf, String name, String email, String password) {
        return conta(accounts.register(cpf, name, email, password, peers));
    }

    /**
     * POST /login: here if the account's home is here, else at whichever peer is its home. Every failure,
     * an unknown CPF included, is the same {@link LoginRefused} after about one password hash of work.
     */
    public Sessao login(String cpfText, String password) {
        Cpf cpf = parseOrNull(cpfText);
        if (cpf == null || password == null) {
            accounts.dummyCheck(password);
            throw new LoginRefused();
        }
        Optional<Account> here = accounts.checkPassword(cpf, password);
        if (here.isPresent()) {
            return session(cpf);
        }
        Optional<AccountPeerWire.SessionReply> elsewhere = peers.login(cpf, password);
        if (elsewhere.isPresent() && elsewhere.get().resultado() == AccountPeerWire.Result.ACEITO) {
            return sessao(elsewhere.get());
        }
        if (elsewhere.isEmpty()) {
            accounts.dummyCheck(password); // nobody holds the account: cost what a check would have
        }
        throw new LoginRefused();
    }

    /** POST /login/renovar: the refresh token goes back to the airline that issued it. */
    public Sessao renew(String refreshToken) {
        String home = Accounts.homeOf(refreshToken).orElseThrow(LoginRefused::new);
        if (home.equals(airline())) {
            return session(accounts.redeemRefresh(refreshToken));
        }
        if (!peers.knows(home)) {
            throw new LoginRefused();
        }
        AccountPeerWire.SessionReply reply = peers.renew(home, refreshToken);
        if (reply.resultado() != AccountPeerWire.Result.ACEITO) {
            throw new LoginRefused();
        }
        return sessao(reply);
    }

    /** POST /logout: revokes the refresh token at its home; unknown tokens change nothing. */
    public void logout(String refreshToken) {
        Optional<String> home = Accounts.homeOf(refreshToken);
        if (home.isEmpty()) {
            return;
        }
        if (home.get().equals(airline())) {
            accounts.revokeRefresh(refreshToken);
        } else if (peers.knows(home.get())) {
            peers.logout(home.get(), refreshToken);
        }
    }

    /** GET /conta: the token's account, read at its home. @throws InvalidToken the account no longer exists */
    public Conta account(VerifiedToken token) {
        if (token.issuer().equals(airline())) {
            return accounts.find(token.cpf()).map(FederatedAccounts::conta).orElseThrow(InvalidToken::refused);
        }
        AccountPeerWire.AccountReply reply = peers.account(token.issuer(), token.cpf());
        if (reply.resultado() != AccountPeerWire.Result.ACEITO) {
            throw InvalidToken.refused();
        }
        return new Conta(token.cpf().digits(), reply.nome(), reply.email(), token.issuer(), reply.criadaEm());
    }

    /** DELETE /conta: at the home, after it checked the password. @throws LoginRefused wrong password */
    public void delete(VerifiedToken token, String password) {
        if (token.issuer().equals(airline())) {
            accounts.delete(token.cpf(), password);
            return;
        }
        if (peers.delete(token.issuer(), token.cpf(), password) != AccountPeerWire.Result.ACEITO) {
            throw new LoginRefused();
        }
    }

    // ---- what this airline answers to its peers ------------------------------------------------------

    ClaimAnswer claimHere(Cpf cpf, String claimant) {
        return accounts.claimFor(cpf, claimant);
    }

    AccountPeerWire.SessionReply loginHere(Cpf cpf, String password) {
        try {
            if (accounts.checkPassword(cpf, password).isEmpty()) {
                return new AccountPeerWire.SessionReply(AccountPeerWire.Result.SEM_CONTA, null, null, null);
            }
        } catch (LoginRefused e) {
            return new AccountPeerWire.SessionReply(AccountPeerWire.Result.RECUSADO, null, null, null);
        }
        Sessao sessao = session(cpf);
        return new AccountPeerWire.SessionReply(AccountPeerWire.Result.ACEITO, sessao.token(), sessao.expiraEm(), sessao.renovacao());
    }

    AccountPeerWire.AccountReply accountHere(Cpf cpf) {
        return accounts.find(cpf)
                .map(a -> new AccountPeerWire.AccountReply(AccountPeerWire.Result.ACEITO, a.name(), a.email(), a.createdAt()))
                .orElse(new AccountPeerWire.AccountReply(AccountPeerWire.Result.SEM_CONTA, null, null, null));
    }

    AccountPeerWire.Result deleteHere(Cpf cpf, String password) {
        try {
            accounts.delete(cpf, password);
            return AccountPeerWire.Result.ACEITO;
        } catch (LoginRefused e) {
            return AccountPeerWire.Result.RECUSADO;
        }
    }

    AccountPeerWire.SessionReply renewHere(String refreshToken) {
        try {
            Sessao sessao = session(accounts.redeemRefresh(refreshToken));
            return new AccountPeerWire.SessionReply(AccountPeerWire.Result.ACEITO, sessao.token(), sessao.expiraEm(), sessao.renovacao());
        } catch (LoginRefused e) {
            return new AccountPeerWire.SessionReply(AccountPeerWire.Result.RECUSADO, null, null, null);
        }
    }

    void logoutHere(String refreshToken) {
        accounts.revokeRefresh(refreshToken);
    }

    /** A new session of an account whose home is here: an access token signed by this airline and a stored refresh token. */
    private Sessao session(Cpf cpf) {
        AccessTokens.Issued access = tokens.issue(cpf);
        return new Sessao(access.token(), access.expiresAt(), accounts.issueRefresh(cpf));
    }

    private static Sessao sessao(AccountPeerWire.SessionReply reply) {
        return new Sessao(reply.token(), reply.expiraEm(), reply.renovacao());
    }

    private static Conta conta(Account account) {
        return new Conta(account.cpf().digits(), account.name(), account.email(), account.home(), account.createdAt());
    }

    private static Cpf parseOrNull(String text) {
        try {
            return Cpf.parse(text);
        } catch (InvalidCpf e) {
            return null;
        }
    }
}
