package passcom.server.account;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import passcom.api.Json;
import passcom.core.account.AccountPeers;
import passcom.core.account.ClaimAnswer;
import passcom.core.cpf.Cpf;
import passcom.core.txn.AirlineUnreachable;
import passcom.server.auth.FederationSigner;
import passcom.server.peer.PeerHttpClient;

/**
 * The other airlines as the accounts need them: the cadastro's claims ({@link AccountPeers}), password
 * checks and renewals at an account's home, and each airline's public keys. Every call but the JWKS fetch
 * is signed ({@link FederationSigner}); each airline is reached through its own {@link PeerHttpClient}, at
 * its instances in order. A call that gets no answer within {@code timeout} fails with
 * {@link AirlineUnreachable}. Thread-safe.
 */
public final class PeerAccounts implements AccountPeers {

    /** One peer airline: its instances' roots and its client. */
    public record Peer(List<URI> instances, PeerHttpClient client) {
    }

    private final String self;
    private final Map<String, Peer> peers;
    private final FederationSigner signer;
    private final Duration timeout;

    public PeerAccounts(String self, Map<String, Peer> peers, FederationSigner signer, Duration timeout) {
        this.self = self;
        this.peers = Map.copyOf(peers);
        this.signer = signer;
        this.timeout = timeout;
    }

    @Override
    public ClaimAnswer claimEverywhere(Cpf cpf, String claimant) {
        Map<String, CompletableFuture<AccountPeerWire.ClaimReply>> asked = askEveryPeer(AccountPeerWire.CLAIM,
                new AccountPeerWire.Claim(cpf.digits(), claimant), AccountPeerWire.ClaimReply.class);
        List<ClaimAnswer> answers = new ArrayList<>();
        asked.forEach((id, answer) -> answers.add(ClaimAnswer.valueOf(await(id, answer).resposta())));
        if (answers.contains(ClaimAnswer.TAKEN)) {
            return ClaimAnswer.TAKEN;
        }
        return answers.contains(ClaimAnswer.CONTENDED) ? ClaimAnswer.CONTENDED : ClaimAnswer.FREE;
    }

    /**
     * Finds the account's home among the peers, asking with the CPF alone, then sends the password to that
     * airline only: a peer that is not the home never sees it (docs/security.md). The home checks it and answers
     * with a session it signed. Empty when no peer holds the account, or its home did not answer.
     * @throws passcom.core.account.LoginRefused the home refused it
     */
    public Optional<AccountPeerWire.SessionReply> login(Cpf cpf, String password) {
        Optional<String> home = homeOf(cpf);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(await(home.get(), post(home.get(), AccountPeerWire.LOGIN,
                    new AccountPeerWire.Password(cpf.digits(), password), AccountPeerWire.SessionReply.class)));
        } catch (AirlineUnreachable e) {
            return Optional.empty(); // the login fails like any other
        }
    }

    /** The peer that holds the account of {@code cpf}: every peer is asked at once, with the CPF alone. */
    private Optional<String> homeOf(Cpf cpf) {
        Map<String, CompletableFuture<AccountPeerWire.AccountReply>> asked = askEveryPeer(AccountPeerWire.DATA,
                new AccountPeerWire.Query(cpf.digits()), AccountPeerWire.AccountReply.class);
        for (var entry : asked.entrySet()) {
            try {
                if (await(entry.getKey(), entry.getValue()).resultado() == AccountPeerWire.Result.ACEITO) {
                    return Optional.of(entry.getKey());
                }
            } catch (AirlineUnreachable e) {
                // the home may be the one that did not answer: then no peer holds it, as far as this login can tell
            }
        }
        return Optional.empty();
    }

    /** The account's data at its home. */
    public AccountPeerWire.AccountReply account(String home, Cpf cpf) {
        return await(home, post(home, AccountPeerWire.DATA, new AccountPeerWire.Query(cpf.digits()), AccountPeerWire.AccountReply.class));
    }

    /** Deletes the account at its home after the home checked the password. */
    public AccountPeerWire.Result delete(String home, Cpf cpf, String password) {
        return await(home, post(home, AccountPeerWire.DELETE, new AccountPeerWire.Password(cpf.digits(), password),
                AccountPeerWire.ResultReply.class)).resultado();
    }

    public AccountPeerWire.SessionReply renew(String home, String refreshToken) {
        return await(home, post(home, AccountPeerWire.RENEW, new AccountPeerWire.Refresh(refreshToken), AccountPeerWire.SessionReply.class));
    }

    public void logout(String home, String refreshToken) {
        await(home, post(home, AccountPeerWire.LOGOUT, new AccountPeerWire.Refresh(refreshToken), AccountPeerWire.ResultReply.class));
    }

    public boolean knows(String airline) {
        return peers.containsKey(airline);
    }

    /** A peer's published keys (GET /.well-known/jwks.json, public: not signed); empty when it does not answer. */
    public Optional<JWKSet> jwks(String airline) {
        Peer peer = peers.get(airline);
        if (peer == null) {
            return Optional.empty();
        }
        for (URI instance : peer.instances()) {
            try {
                PeerHttpClient.Answer answer = peer.client().send("GET", instance.resolve(JwksServlet.PATH), Map.of(), new byte[0], timeout)
                        .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
                if (answer.status() == 200) {
                    return Optional.of(JWKSet.parse(new String(answer.body(), StandardCharsets.UTF_8)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException | TimeoutException | ParseException e) {
                // try the next instance
            }
        }
        return Optional.empty();
    }

    /** The same signed call to every peer at once, in the peers' order; the caller awaits the answers. */
    private <T> Map<String, CompletableFuture<T>> askEveryPeer(String path, Object message, Class<T> answerType) {
        Map<String, CompletableFuture<T>> asked = new LinkedHashMap<>();
        peers.keySet().forEach(id -> asked.put(id, post(id, path, message, answerType)));
        return asked;
    }

    private <T> CompletableFuture<T> post(String airline, String path, Object message, Class<T> answerType) {
        Peer peer = peers.get(airline);
        if (peer == null) {
            return CompletableFuture.failedFuture(new AirlineUnreachable(airline, "não é uma companhia da federação"));
        }
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(message);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e));
        }
        return attempt(airline, peer, 0, path, body, answerType);
    }

    /** Instance {@code index}; a connection that fails before any answer moves on to the next (every message is safe to repeat). */
    private <T> CompletableFuture<T> attempt(String airline, Peer peer, int index, String path, byte[] body, Class<T> answerType) {
        Map<String, String> headers = new LinkedHashMap<>(signer.sign(self, "POST", path, body));
        headers.put("Content-Type", "application/json");
        URI uri = URI.create(peer.instances().get(index).toString().replaceAll("/+$", "") + path);
        return peer.client().send("POST", uri, headers, body, timeout).handle((answer, failure) -> {
            if (failure != null) {
                if (index + 1 < peer.instances().size()) {
                    return attempt(airline, peer, index + 1, path, body, answerType);
                }
                return CompletableFuture.<T>failedFuture(new AirlineUnreachable(airline, "sem resposta a " + path));
            }
            if (answer.status() != 200) {
                return CompletableFuture.<T>failedFuture(new AirlineUnreachable(airline, "respondeu " + answer.status() + " a " + path));
            }
            try {
                return CompletableFuture.completedFuture(Json.mapper().readValue(answer.body(), answerType));
            } catch (IOException e) {
                return CompletableFuture.<T>failedFuture(new AirlineUnreachable(airline, "resposta ilegível a " + path));
            }
        }).thenCompose(next -> next);
    }

    private <T> T await(String airline, CompletableFuture<T> answer) {
        try {
            return answer.get(timeout.toMillis() * 2 + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirlineUnreachable(airline, "interrompido");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AirlineUnreachable(airline, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new AirlineUnreachable(airline, "sem resposta em " + timeout.toMillis() + " ms");
        }
    }
}
