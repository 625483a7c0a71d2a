package passcom.client.api;

import java.util.Objects;
import passcom.api.Conta;
import passcom.api.ContaDados;
import passcom.api.PedidoCadastro;
import passcom.api.PedidoExclusaoConta;
import passcom.api.PedidoLogin;
import passcom.api.PedidoRenovacao;
import passcom.api.Sessao;

/**
 * The account endpoints of issue 16 (docs/security.md): sign-up, login, renewal, logout and the account's
 * data, through the same servers and failover as the rest of {@link PasscomClient}. Any airline accepts a
 * login and the tokens it hands out; the account lives at its home airline, which the servers find.
 *
 * <p>Which calls move on to another server: reads, login and logout (repeating them changes nothing) after any
 * I/O failure; sign-up and renewal only when nothing was delivered, because a sign-up that arrived may have
 * created the account, and a renewal that arrived has used up the refresh token it carried.
 *
 * <p>Passwords and tokens pass through here as given and are never logged or kept. Thread-safe.
 */
public final class Accounts {

    private final PasscomClient client;

    Accounts(PasscomClient client) {
        this.client = client;
    }

    /**
     * {@code POST /cadastro}: a new account, at the airline that answers (its home).
     *
     * @throws AccountExists the CPF already has an account in the federation
     * @throws RequestRejected 400 naming the field that is wrong (a short or common password, a bad CPF or e-mail)
     * @throws OutcomeUnknown sent, no answer: the account may exist; logging in tells
     * @throws RateLimited too many sign-ups from this address
     */
    public Conta register(PedidoCadastro pedido) throws PasscomException, InterruptedException {
        Objects.requireNonNull(pedido, "pedido");
        return client.exchange(client.rotation(), s -> client.post(s, "/cadastro", pedido, client.timeouts().write(), null),
                Conta.class, false, null, body -> new AccountExists(client.errorText(body, 409)));
    }

    /**
     * {@code POST /login}: a session (access token, its expiry, refresh token) for the CPF.
     *
     * @throws NotAuthenticated wrong CPF or password, or the account is locked: the server says the same for all
     * @throws RateLimited too many logins from this address
     */
    public Sessao login(String cpf, String senha) throws PasscomException, InterruptedException {
        PedidoLogin pedido = new PedidoLogin(Objects.requireNonNull(cpf, "cpf"), Objects.requireNonNull(senha, "senha"));
        return client.exchange(client.rotation(), s -> client.post(s, "/login", pedido, client.timeouts().read(), null),
                Sessao.class, true, null, this::unexpectedConflict);
    }

    /**
     * {@code POST /login/renovar}: trades the refresh token for a new pair; the old refresh token stops working.
     *
     * @throws NotAuthenticated the refresh token was refused (expired, revoked or already used)
     */
    public Sessao renew(String renovacao) throws PasscomException, InterruptedException {
        PedidoRenovacao pedido = new PedidoRenovacao(Objects.requireNonNull(renovacao, "renovacao"));
        return client.exchange(client.rotation(), s -> client.post(s, "/login/renovar", pedido, client.timeouts().read(), null),
                Sessao.class, false, null, this::unexpectedConflict);
    }

    /** {@code POST /logout}: revokes the refresh token at its home airline. Idempotent. */
    public void logout(String renovacao) throws PasscomException, InterruptedException {
        PedidoRenovacao pedido = new PedidoRenovacao(Objects.requireNonNull(renovacao, "renovacao"));
        client.exchange(client.rotation(), s -> client.post(s, "/logout", pedido, client.timeouts().read(), null),
                Void.class, true, null, this::unexpectedConflict);
    }

    /**
     * {@code GET /conta}: the account and every booking where its CPF is a passenger or the buyer.
     *
     * @throws NotAuthenticated the token was refused
     */
    public ContaDados account(String token) throws PasscomException, InterruptedException {
        Objects.requireNonNull(token, "token");
        return client.exchange(client.rotation(), s -> PasscomClient.get(s, "/conta", client.timeouts().read(), token),
                ContaDados.class, true, null, this::unexpectedConflict);
    }

    /**
     * {@code DELETE /conta}: deletes the account, after its password once more. Its bookings stay (the airlines'
     * sales records) and can still be found by localizador and CPF.
     *
     * @throws NotAuthenticated a wrong password or a refused token; nothing deleted
     */
    public void delete(String token, String senha) throws PasscomException, InterruptedException {
        PedidoExclusaoConta pedido = new PedidoExclusaoConta(Objects.requireNonNull(senha, "senha"));
        Objects.requireNonNull(token, "token");
        client.exchange(client.rotation(), s -> client.withBody(s, "DELETE", "/conta", pedido, client.timeouts().write(), token),
                Void.class, false, null, this::unexpectedConflict);
    }

    private PasscomException unexpectedConflict(String body) {
        return new RequestRejected(409, client.errorText(body, 409));
    }
}
