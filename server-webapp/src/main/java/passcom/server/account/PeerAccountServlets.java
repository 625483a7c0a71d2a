package passcom.server.account;

import java.util.Map;
import java.util.function.BiFunction;
import passcom.core.account.ClaimAnswer;
import passcom.core.cpf.Cpf;
import passcom.server.http.Endpoint;
import passcom.server.http.IncomingRequest;
import passcom.server.http.MalformedRequest;
import passcom.server.http.Reply;

/**
 * The signed peer endpoints of the accounts (paths in {@link passcom.server.peer.FederationPaths}): one
 * {@link PeerMessage} servlet per message, each reading its record and answering with what
 * {@link FederatedAccounts} decides here. The signature filter has checked the signer before any runs.
 */
public final class PeerAccountServlets {

    private PeerAccountServlets() {
    }

    /** Every peer path with its servlet. */
    public static Map<String, Endpoint> all(FederatedAccounts accounts) {
        return Map.of(
                AccountPeerWire.CLAIM, new PeerMessage<>(AccountPeerWire.Claim.class, (request, claim) -> {
                    String claimant = MalformedRequest.require(claim.companhia(), "companhia");
                    Cpf cpf = Cpf.parse(claim.cpf());
                    request.requireSignedBy(claimant); // only the claimant may claim in its own name
                    ClaimAnswer answer = accounts.claimHere(cpf, claimant);
                    return new AccountPeerWire.ClaimReply(answer.name());
                }),
                AccountPeerWire.LOGIN, new PeerMessage<>(AccountPeerWire.Password.class,
                        (request, message) -> accounts.loginHere(Cpf.parse(message.cpf()), message.senha())),
                AccountPeerWire.DATA, new PeerMessage<>(AccountPeerWire.Query.class,
                        (request, message) -> accounts.accountHere(Cpf.parse(message.cpf()))),
                AccountPeerWire.DELETE, new PeerMessage<>(AccountPeerWire.Password.class,
                        (request, message) -> new AccountPeerWire.ResultReply(accounts.deleteHere(Cpf.parse(message.cpf()), message.senha()))),
                AccountPeerWire.RENEW, new PeerMessage<>(AccountPeerWire.Refresh.class,
                        (request, message) -> accounts.renewHere(message.renovacao())),
                AccountPeerWire.LOGOUT, new PeerMessage<>(AccountPeerWire.Refresh.class, (request, message) -> {
                    accounts.logoutHere(message.renovacao());
                    return new AccountPeerWire.ResultReply(AccountPeerWire.Result.ACEITO);
                }));
    }

    /** POST of one peer message: its record in, the answer out (200), only from a signed call. */
    static final class PeerMessage<M> extends Endpoint {
        private final Class<M> type;
        private final BiFunction<IncomingRequest, M, Object> answer;

        PeerMessage(Class<M> type, BiFunction<IncomingRequest, M, Object> answer) {
            super("POST");
            this.type = type;
            this.answer = answer;
        }

        @Override
        protected Reply handle(IncomingRequest request) {
            request.signer();
            return Reply.ok(answer.apply(request, request.body(type)));
        }
    }
}
