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
        return exchange(rotation(), server -> get(server, path, timeouts.read()), CaminhosResposta.class, true, null);
    }

    /**
     * {@code GET /rede}: the route network the connected server runs (cities with coordinates, segments,
     * airlines), with failover like any read. Empty when the server answers 404: it predates {@code /rede},
     * and the caller must do without the network rather than fail.
     */
    public Optional<Rede> rede() throws PasscomException, InterruptedException {
        try {
            return Optional.of(exchange(rotation(), server -> get(server, "/rede", timeouts.read()), Rede.class, true, null));
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
        return exchange(rotation(), server -> get(server, path, timeouts.read()), MapaAssentos.class, true, null);
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
        return exchange(rotation(), server -> post(server, "/comprar_cliente", pedido, timeouts.write()),
                CompraResposta.class, false, pedido.idPedido());
    }

    /** Sends the same purchase again to the server that may already have done it: same outcome, never twice. */
    public CompraResposta retryPurchase(ServerEndpoint server, PedidoCompra pedido) throws PasscomException, InterruptedException {
        return exchange(List.of(server), s -> post(s, "/comprar_cliente", pedido, timeouts.write()),
                CompraResposta.class, false, pedido.idPedido());
    }

    /** {@code GET /passagens_cliente}: the CPF's bookings from every airline. */
    public PassagensResposta tickets(String cpf) throws PasscomException, InterruptedException {
        String path = "/passagens_cliente?cpf=" + encode(cpf);
        return exchange(rotation(), server -> get(server, path, timeouts.read()), PassagensResposta.class, true, null);
    }

    /** {@code POST /cancelar_cliente}: every leg released on every airline, or nothing changes. */
    public CancelamentoResposta cancel(String cpf, String localizador) throws PasscomException, InterruptedException {
        PedidoCancelamento body = new PedidoCancelamento(cpf, localizador);
        return exchange(rotation(), server -> post(server, "/cancelar_cliente", body, timeouts.write()),
                CancelamentoResposta.class, false, null);
    }

    /** {@code GET /saude} of one server, without failover. */
    public Saude health(ServerEndpoint server) throws PasscomException, InterruptedException {
        return exchange(List.of(server), s -> get(s, "/saude", timeouts.health()), Saude.class, true, null);
    }

    /**
     * Whether {@code server} answers {@code GET /saude} with 200 in time, without blocking. Only the status
     * counts: a server that answers is up even if it adds or leaves out fields of the body.
     */
    public CompletableFuture<Boolean> answersHealth(ServerEndpoint server) {
        return http.sendAsync(get(server, "/saude", timeouts.health()), HttpResponse.BodyHandlers.discarding())
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

    private <T> T exchange(List<ServerEndpoint> order, Function<ServerEndpoint, HttpRequest> request, Class<T> type,
                           boolean safeToRepeat, String idPedido) throws PasscomException, InterruptedException {
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
            return decode(response, type, server, idPedido);
        }
        if (untrusted != null) {
            throw untrusted;
        }
        throw new NoServerAnswers(order.stream().map(ServerEndpoint::id).toList().toString(), last);
    }

    private List<ServerEndpoint> rotation() {
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
    private <T> T decode(HttpResponse<String> response, Class<T> type, ServerEndpoint server, String idPedido) throws PasscomException {
        int status = response.statusCode();
        String body = response.body();
        if (status == 200) {
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
        if (status == 409 && erro != null) {
            if (erro.assentoOcupado() != null) {
                return Codigo.ASSENTO_OCUPADO;
            }
            return purchase && erro.idPedido() != null ? Codigo.EM_ANDAMENTO : Codigo.ESGOTADO;
        }
        if (status >= 500) {
            return purchase || status != 503 ? Codigo.DESCONHECIDO : Codigo.COMPANHIA_INDISPONIVEL;
        }
        return Codigo.forStatus(status);
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

    private static HttpRequest get(ServerEndpoint server, String pathAndQuery, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private HttpRequest post(ServerEndpoint server, String path, Object body, Duration timeout) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body, e);
        }
        return HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
