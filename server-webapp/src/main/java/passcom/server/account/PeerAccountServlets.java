package passcom.server.account;

import java.util.Map;
import passcom.core.account.ClaimAnswer;
import passcom.core.cpf.Cpf;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.Reply;

/**
 * The signed peer endpoints of the accounts (paths in {@link AccountPeerWire}), one small servlet per
 * message, each answering with what {@link FederatedAccounts} decides here.
 */
public final class PeerAccountServlets {

    private PeerAccountServlets() {
    }

    /** Every peer path with its servlet. */
    public static Map<String, Endpoint> all(FederatedAccounts accounts) {
        return Map.of(
                AccountPeerWire.CLAIM, new Claim(accounts),
                AccountPeerWire.LOGIN, new Login(accounts),
                AccountPeerWire.DATA, new Data(accounts),
                AccountPeerWire.DELETE, new Delete(accounts),
                AccountPeerWire.RENEW, new Renew(accounts),
                AccountPeerWire.LOGOUT, new Logout(accounts));
    }

    /** Every peer path (the signature filter guards them). */
    public static java.util.List<String> paths() {
        return AccountPeerWire.ALL;
    }

    /** A peer's cadastro claims a CPF; only the claimant itself may sign it. */
    static final class Claim extends Endpoint {
        private final FederatedAccounts accounts;

        Claim(FederatedAccounts accounts) {
            super("POST");
            this.accounts = accounts;
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            AccountPeerWire.Claim claim = request.body(AccountPeerWire.Claim.class);
            request.requireSignedBy(claim.companhia());
            ClaimAnswer answer = accounts.claimHere(Cpf.parse(claim.cpf()), claim.companhia());
            return Reply.ok(new AccountPeerWire.ClaimReply(answer.name()));
        }
    }

    /** A login at a peer: the password is checked here, the home, and the session signed here. */
    static final class Login extends Endpoint {
        private final FederatedAccounts accounts;

        Login(FederatedAccounts accounts) {
            super("POST");
            this.accounts = accounts;
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            request.signer();
            AccountPeerWire.Password message = request.body(AccountPeerWire.Password.class);
            return Reply.ok(accounts.loginHere(Cpf.parse(message.cpf()), message.senha()));
        }
    }

    /** A peer serving GET /conta asks the home for the account's data (the peer verified the token). */
    static final class Data extends Endpoint {
        private final FederatedAccounts accounts;

        Data(FederatedAccounts accounts) {
            super("POST");
            this.accounts = accounts;
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            request.signer();
            return Reply.ok(accounts.accountHere(Cpf.parse(request.body(AccountPeerWire.Query.class).cpf())));
        }
    }

    static final class Delete extends Endpoint {
        private final FederatedAccounts accounts;

        Delete(FederatedAccounts accounts) {
            super("POST");
            this.accounts = accounts;
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            request.signer();
            AccountPeerWire.Password message = request.body(AccountPeerWire.Password.class);
            return Reply.ok(new AccountPeerWire.ResultReply(accounts.deleteHere(Cpf.parse(message.cpf()), message.senha())));
        }
    }

    static final class Renew extends Endpoint {
        private final FederatedAccounts accounts;

        Renew(FederatedAccounts accounts) {
            super("POST");
            this.accounts = accounts;
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            request.signer();
            return Reply.ok(accounts.renewHere(request.body(AccountPeerWire.Refresh.class).renovacao()));
        }
    }

    static final class Logout extends Endpoint {
        private final FederatedAccounts accounts;

        Logout(FederatedAccounts accounts) {
            super("POST");
            this.accounts = accounts;
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            request.signer();
            accounts.logoutHere(request.body(AccountPeerWire.Refresh.class).renovacao());
            return Reply.ok(new AccountPeerWire.ResultReply(AccountPeerWire.Result.ACEITO));
        }
    }
}
