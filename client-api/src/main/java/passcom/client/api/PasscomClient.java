package passcom.client.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import passcom.api.CaminhosResposta;
import passcom.api.Codigo;
import passcom.api.CancelamentoResposta;
import passcom.api.CompraResposta;
import passcom.api.Erro;
import passcom.api.Json;
import passcom.api.MapaAssentos;
import passcom.api.PassagensResposta;
import passcom.api.PedidoCancelamento;
import passcom.api.PedidoCompra;
import passcom.api.Rede;
import passcom.api.Saude;

/**
 * The client side of the PASSCOM client endpoints (issue 3, section 2) over {@code java.net.http}, with
 * failover across the configured servers.
 *
 * <p>Failover: a call goes to the connected server first, then to the others in configured order. Reads
 * (search, tickets) move on after any I/O failure. A purchase or cancellation moves on only when the
 * connection was never made (refused or connect timeout), because then no server received it; once sent,
 * a missing answer is {@link OutcomeUnknown} and the client does not try elsewhere, since the other server
 * would not know the first one's {@code id_pedido}. When another server answers, it becomes the connected one
 * and {@link Failover} listeners hear it.
 *
 * <p>TLS: an {@code https://} server is believed as {@link ServerTrust} says; a failed handshake sent nothing, so
 * the next server is tried even for a purchase, and if none answers the call fails with {@link UntrustedServer}.
 *
 * <p>Accounts (issue 16): calls that act for a logged-in customer take its access token, sent as
 * {@code Authorization: Bearer}; {@link AccountSession} supplies one renewed ahead of expiry, and
 * {@link #accounts()} holds the sign-up, login and logout calls. A 401 is {@link NotAuthenticated}, a 429
 * {@link RateLimited}.
 *
 * <p>Thread-safe. Every call blocks the calling thread (never the event thread) and is interruptible:
 * interrupting it abandons the request.
 */
public final class PasscomClient {

    /** How long each kind of call may take before the client gives up on the server. */
    public record Timeouts(Duration connect, Duration read, Duration write, Duration health) {
        /** Search waits ~2 s per peer on the server, a purchase runs a two-phase commit: allow for both. */
        public static final Timeouts DEFAULT =
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofMillis(1500));
    }

    private final List<ServerEndpoint> servers;
    private final Timeouts timeouts;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();
    private final AtomicReference<ServerEndpoint> connected;
    private final List<Consumer<Failover>> failoverListeners = new CopyOnWriteArrayList<>();
    private final Accounts accounts = new Accounts(this);

    public PasscomClient(List<ServerEndpoint> servers) {
        this(servers, Timeouts.DEFAULT);
    }

    public PasscomClient(List<ServerEndpoint> servers, Timeouts timeouts) {
        this(servers, timeouts, ServerTrust.configured());
    }

    /** @param trust whom to believe on {@code https://} servers ({@link ServerTrust}) */
    public PasscomClient(List<ServerEndpoint> servers, Timeouts timeouts, SSLContext trust) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server is needed");
        }
        this.servers = List.copyOf(servers);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.connected = new AtomicReference<>(this.servers.get(0));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .sslContext(Objects.requireNonNull(trust, "trust"))
                .build();
    }

    public List<ServerEndpoint> servers() {
        return servers;
    }

    public ServerEndpoint connected() {
        return connected.get();
    }

    /** The customer chose a server: later calls go there first. */
    public void connectTo(ServerEndpoint server) {
        if (!servers.contains(server)) {
            throw new IllegalArgumentException("not a configured server: " + server);
        }
        connected.set(server);
    }

    /** Listeners run on the thread that noticed the failover: never assume the event thread. */
    public void addFailoverListener(Consumer<Failover> listener) {
        failoverListeners.add(listener);
    }

    /** {@code GET /caminhos_cliente}: merged itineraries from every answering airline. */
    public CaminhosResposta search(String origem, String destino) throws PasscomException, InterruptedException {
        String path = "/caminhos_cliente?origem=" + encode(origem) + "&destino=" + encode(destino);
        return exchange(rotation(), server -> get(server, path, timeouts.read(), null), CaminhosResposta.class, true, null, this::soldOut);
    }

    /**
     * {@code GET /rede}: the route network the connected server runs (cities with coordinates, segments,
     * airlines), with failover like any read. Empty when the server answers 404: it predates {@code /rede},
     * and the caller must do without the network rather than fail.
     */
    public Optional<Rede> rede() throws PasscomException, InterruptedException {
        try {
            return Optional.of(exchange(rotation(), server -> get(server, "/rede", timeouts.read(), null), Rede.class, true, null, this::soldOut));
        } catch (RequestRejected e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code GET /assentos_cliente}: the seat map of one leg flown by {@code companhia}, as that airline holds
     * it now (any server answers, asking the airline). A seat may be taken between this answer and a purchase.
     */
    public MapaAssentos assentos(String origem, String destino, String companhia) throws PasscomException, InterruptedException {
        String path = "/assentos_cliente?origem=" + encode(origem) + "&destino=" + encode(destino) + "&companhia=" + encode(companhia);
        return exchange(rotation(), server -> get(server, path, timeouts.read(), null), MapaAssentos.class, true, null, this::soldOut);
    }

    /**
     * {@code POST /comprar_cliente}, in the original one-CPF shape or with {@code passageiros} (1 to 9, each
     * with a seat per leg or none for "the lowest free"): every seat of every passenger, or nothing.
     * {@code pedido.idPedido()} should be set (a UUID) so that a retry after {@link OutcomeUnknown} never buys twice.
     *
     * @throws SeatTaken a seat the customer chose was taken meanwhile ({@code ASSENTO_OCUPADO}); nothing bought
     * @throws SeatsUnavailable a leg sold out ({@code ESGOTADO}), or the purchase was interrupted or refused by an
     *                          airline ({@code NADA_COMPRADO}); nothing bought
     * @throws AirlineUnreachable an airline did not answer ({@code INDISPONIVEL_NADA_COMPRADO}); nothing bought, and a
     *                            {@link #retryPurchase retry} of the same order is told the same: buy anew
     * @throws OutcomeUnknown sent, and no definite answer (no answer, {@code EM_ANDAMENTO}, {@code DESCONHECIDO}):
     *                        look the tickets up or {@link #retryPurchase retry}
     * @throws NoServerAnswers no server received it; nothing bought
     */
    public CompraResposta buy(PedidoCompra pedido) throws PasscomException, InterruptedException {
        return buy(pedido, null);
    }

    /**
     * {@link #buy(PedidoCompra)} by a logged-in customer: with {@code token} (an access token, or null for a guest)
     * the booking is also linked to the account as its buyer.
     *
     * @throws NotAuthenticated the token was refused; nothing bought
     */
    public CompraResposta buy(PedidoCompra pedido, String token) throws PasscomException, InterruptedException {
        return exchange(rotation(), server -> post(server, "/comprar_cliente", pedido, timeouts.write(), token),
                CompraResposta.class, false, pedido.idPedido(), this::soldOut);
    }

    /** Sends the same purchase again to the server that may already have done it: same outcome, never twice. */
    public CompraResposta retryPurchase(ServerEndpoint server, PedidoCompra pedido) throws PasscomException, InterruptedException {
        return retryPurchase(server, pedido, null);
    }

    /** {@link #retryPurchase(ServerEndpoint, PedidoCompra)} with the buyer's access token (null for a guest). */
    public CompraResposta retryPurchase(ServerEndpoint server, PedidoCompra pedido, String token) throws PasscomException, InterruptedException {
        return exchange(List.of(server), s -> post(s, "/comprar_cliente", pedido, timeouts.write(), token),
                CompraResposta.class, false, pedido.idPedido(), this::soldOut);
    }

    /**
     * {@code GET /passagens_cliente?cpf=}: the CPF's bookings from every airline, by CPF alone. Only a federation
     * running with {@code --acesso-aberto} answers it; others refuse with {@link NotAuthenticated}: use
     * {@link #myTickets} or {@link #ticket}.
     */
    public PassagensResposta tickets(String cpf) throws PasscomException, InterruptedException {
        String path = "/passagens_cliente?cpf=" + encode(cpf);
        return exchange(rotation(), server -> get(server, path, timeouts.read(), null), PassagensResposta.class, true, null, this::soldOut);
    }

    /**
     * {@code GET /passagens_cliente} with an access token: every booking where the token's CPF is a passenger
     * or the buyer, from every airline.
     *
     * @throws NotAuthenticated the token was refused (expired, revoked, not of this federation)
     */
    public PassagensResposta myTickets(String token) throws PasscomException, InterruptedException {
        Objects.requireNonNull(token, "token");
        return exchange(rotation(), server -> get(server, "/passagens_cliente", timeouts.read(), token), PassagensResposta.class,
                true, null, this::soldOut);
    }

    /**
     * {@code GET /passagens_cliente?localizador=&cpf=}, no account needed: the one booking when {@code cpf} is
     * one of its passengers or its buyer.
     *
     * @throws RequestRejected 404 both for an unknown localizador and for a CPF that is not the booking's
     * @throws RateLimited too many look-ups from this address
     */
    public PassagensResposta ticket(String localizador, String cpf) throws PasscomException, InterruptedException {
        String path = "/passagens_cliente?localizador=" + encode(localizador) + "&cpf=" + encode(cpf);
        return exchange(rotation(), server -> get(server, path, timeouts.read(), null), PassagensResposta.class, true, null, this::soldOut);
    }

    /** {@code POST /cancelar_cliente} by localizador and a passenger's CPF: every leg released on every airline, or nothing changes. */
    public CancelamentoResposta cancel(String cpf, String localizador) throws PasscomException, InterruptedException {
        return cancel(new PedidoCancelamento(cpf, localizador), null);
    }

    /**
     * {@code POST /cancelar_cliente} by a logged-in passenger or buyer: the localizador and the access token.
     *
     * @throws NotAuthenticated the token was refused; nothing changed
     */
    public CancelamentoResposta cancelAsHolder(String token, String localizador) throws PasscomException, InterruptedException {
        return cancel(new PedidoCancelamento(null, localizador), Objects.requireNonNull(token, "token"));
    }

    private CancelamentoResposta cancel(PedidoCancelamento body, String token) throws PasscomException, InterruptedException {
        return exchange(rotation(), server -> post(server, "/cancelar_cliente", body, timeouts.write(), token),
                CancelamentoResposta.class, false, null, this::soldOut);
    }

    /** The account calls: sign-up, login, renewal, logout, the account's data. */
    public Accounts accounts() {
        return accounts;
    }

    /** {@code GET /saude} of one server, without failover. */
    public Saude health(ServerEndpoint server) throws PasscomException, InterruptedException {
        return exchange(List.of(server), s -> get(s, "/saude", timeouts.health(), null), Saude.class, true, null, this::soldOut);
    }

    /**
     * Whether {@code server} answers {@code GET /saude} with 200 in time, without blocking. Only the status
     * counts: a server that answers is up even if it adds or leaves out fields of the body.
     */
    public CompletableFuture<Boolean> answersHealth(ServerEndpoint server) {
        return http.sendAsync(get(server, "/saude", timeouts.health(), null), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null && response.statusCode() == 200);
    }

    /**
     * Moves to {@code to} because {@code from} stopped answering, if the client is still connected to
     * {@code from}; returns whether it moved. Used by the health monitor, which notices before any call does.
     */
    public boolean failOver(ServerEndpoint from, ServerEndpoint to) {
        if (from.equals(to) || !connected.compareAndSet(from, to)) {
            return false;
        }
        Failover event = new Failover(from, to);
        failoverListeners.forEach(listener -> listener.accept(event));
        return true;
    }

    /**
     * Sends to each server of {@code order} until one answers; see the class comment for when it moves on.
     * {@code conflict} says what a 409 means for this call; {@code type} {@link Void} for an answer without a body.
     */
    <T> T exchange(List<ServerEndpoint> order, Function<ServerEndpoint, HttpRequest> request, Class<T> type,
                   boolean safeToRepeat, String idPedido, Function<String, PasscomException> conflict)
            throws PasscomException, InterruptedException {
        IOException last = null;
        UntrustedServer untrusted = null;
        for (ServerEndpoint server : order) {
            HttpResponse<String> response;
            try {
                response = http.send(request.apply(server), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                Optional<UntrustedServer.Reason> handshake = handshakeFailure(e);
                if (handshake.isPresent()) {
                    // Nothing is sent before the handshake completes: safe to try the next server even for a purchase.
                    untrusted = untrusted != null ? untrusted : new UntrustedServer(server, handshake.get(), e);
                    last = e;
                    continue;
                }
                if (!safeToRepeat && !neverDelivered(e)) {
                    throw new OutcomeUnknown(server, idPedido, e);
                }
                last = e;
                continue;
            }
            failOver(order.get(0), server);
            return decode(response, type, server, idPedido, conflict);
        }
        if (untrusted != null) {
            throw untrusted;
        }
        throw new NoServerAnswers(order.stream().map(ServerEndpoint::id).toList().toString(), last);
    }

    List<ServerEndpoint> rotation() {
        ServerEndpoint first = connected.get();
        List<ServerEndpoint> order = new ArrayList<>(servers.size());
        order.add(first);
        servers.stream().filter(s -> !s.equals(first)).forEach(order::add);
        return order;
    }

    /** True when the failure happened before the request could reach the server. */
    private static boolean neverDelivered(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Why the TLS handshake failed, when that is what {@code e} is (the JDK's client names no reason: its causes do). */
    private static Optional<UntrustedServer.Reason> handshakeFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return Optional.of(UntrustedServer.Reason.EXPIRED);
            }
        }
        boolean handshake = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return Optional.of(UntrustedServer.Reason.UNKNOWN_AUTHORITY);
            }
            if (t instanceof CertificateException && String.valueOf(t.getMessage()).startsWith("No ")) {
                // sun.security.util.HostnameChecker: "No subject alternative names matching ...", "No name matching ..."
                return Optional.of(UntrustedServer.Reason.WRONG_HOST);
            }
            handshake |= t instanceof SSLException;
        }
        return handshake ? Optional.of(UntrustedServer.Reason.NO_TLS) : Optional.empty();
    }

    /**
     * A 200's body, or the failure its {@link Codigo} stands for. The code decides, not the status nor which fields
     * are set; an answer without a code this client knows is read by {@link #codeWithout}.
     */
    private <T> T decode(HttpResponse<String> response, Class<T> type, ServerEndpoint server, String idPedido,
                         Function<String, PasscomException> conflict) throws PasscomException {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 200 && status < 300) {
            if (type == Void.class) {
                return null;
            }
            try {
                return json.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new RequestRejected(status, "resposta ilegível do servidor: " + e.getOriginalMessage());
            }
        }
        Erro erro = erro(body);
        String message = errorText(erro, body, status);
        Codigo codigo = erro != null && erro.knownCode() != null ? erro.knownCode() : codeWithout(status, erro, idPedido != null);
        throw switch (codigo) {
            case ASSENTO_OCUPADO -> erro != null && erro.assentoOcupado() != null
                    ? new SeatTaken(message, erro.assentoOcupado()) : new SeatsUnavailable(codigo, message);
            case ESGOTADO, NADA_COMPRADO, CANCELAMENTO_RECUSADO -> new SeatsUnavailable(codigo, message);
            case INDISPONIVEL_NADA_COMPRADO, INDISPONIVEL_NADA_CANCELADO, COMPANHIA_INDISPONIVEL -> new AirlineUnreachable(codigo, message);
            case EM_ANDAMENTO, DESCONHECIDO -> idPedido != null
                    ? new OutcomeUnknown(server, idPedido, codigo, new RequestRejected(status, codigo, message))
                    : new RequestRejected(status, codigo, message);
            case NAO_AUTENTICADO -> new NotAuthenticated(message);
            case MUITAS_TENTATIVAS -> new RateLimited(message, retryAfter(response));
            // what any other conflict means is the call's to say (an account that exists, ...)
            case CONTA_EXISTENTE, CONFLITO, DECISAO_CONFLITANTE -> conflict.apply(body);
            default -> new RequestRejected(status, codigo, message);
        };
    }

    /**
     * The code of an answer that names none this client knows: a server from before codes, a proxy in front of one,
     * or a code newer than this client. Read as those servers meant their statuses, erring towards "unknown": on a
     * purchase, a 409 naming the order is still being decided and any 5xx is unknown (a proxy's 502 or 503 cannot
     * say whether the server behind it committed).
     */
    private static Codigo codeWithout(int status, Erro erro, boolean purchase) {
        if (status == 409) {
            if (erro != null && erro.assentoOcupado() != null) {
                return Codigo.ASSENTO_OCUPADO;
            }
            return purchase && erro != null && erro.idPedido() != null ? Codigo.EM_ANDAMENTO : Codigo.CONFLITO;
        }
        if (status >= 500) {
            return purchase || status != 503 ? Codigo.DESCONHECIDO : Codigo.COMPANHIA_INDISPONIVEL;
        }
        return Codigo.forStatus(status);
    }

    /** A 409 on a purchase, cancellation or read with no code saying more: refused, nothing bought or changed. */
    private PasscomException soldOut(String body) {
        return new SeatsUnavailable(errorText(body, 409));
    }

    /** {@code Retry-After} in seconds (the form the servers send), or null when absent or an HTTP date. */
    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** The error body, or null when the body is not one (a proxy's page, an empty body). */
    private Erro erro(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, Erro.class);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** The server's {@code erro}; failing that, a short plain body; failing that, the status. */
    String errorText(String body, int status) {
        return errorText(erro(body), body, status);
    }

    private static String errorText(Erro erro, String body, int status) {
        if (erro != null && erro.erro() != null && !erro.erro().isBlank()) {
            return erro.erro();
        }
        if (erro == null && body != null) {
            String text = body.strip();
            if (!text.isEmpty() && !text.startsWith("<") && !text.startsWith("{") && text.length() <= 200) {
                return text;
            }
        }
        return "HTTP " + status;
    }

    /** A GET, with {@code Authorization: Bearer token} when {@code token} is not null. */
    static HttpRequest get(ServerEndpoint server, String pathAndQuery, Duration timeout, String token) {
        return request(server, pathAndQuery, timeout, token).GET().build();
    }

    /** A POST of {@code body} as JSON, with the token when not null. */
    HttpRequest post(ServerEndpoint server, String path, Object body, Duration timeout, String token) {
        return withBody(server, "POST", path, body, timeout, token);
    }

    HttpRequest withBody(ServerEndpoint server, String method, String path, Object body, Duration timeout, String token) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName(), e);
        }
        return request(server, path, timeout, token)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
    }

    private static HttpRequest.Builder request(ServerEndpoint server, String pathAndQuery, Duration timeout, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    Timeouts timeouts() {
        return timeouts;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
