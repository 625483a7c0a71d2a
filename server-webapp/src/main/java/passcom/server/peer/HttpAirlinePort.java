package passcom.server.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import passcom.api.Erro;
import passcom.api.Json;
import passcom.core.cpf.Cpf;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.txn.AirlinePort;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.AirlineUnreachable;
import passcom.core.txn.Commit;
import passcom.core.txn.Decision;
import passcom.core.txn.Prepare;
import passcom.core.txn.AbortReason;
import passcom.core.txn.Vote;
import passcom.server.auth.FederationSigner;

/**
 * A peer airline reached over signed HTTP. Every call is asynchronous with its own timeout: route and
 * ticket searches {@code searchTimeout} (about 2 s), protocol messages {@code peerTimeout}.
 *
 * <p>Failures: a connection error, a timeout, a 5xx, a 401 (the peer does not share our secret) or an
 * answer we cannot read fails the future with {@link AirlineUnreachable}, which says nothing about whether
 * the message arrived; the core treats it as "maybe" (retries phase two, keeps holds). One exception:
 * a prepare answered 400, 404 or 409 is a definite refusal: the participant validates before it writes, so
 * nothing is held, and the port turns it into {@link Vote.Refused} with the peer's message. Any other
 * non-2xx answer to a commit or abort stays "unreachable", so the coordinator keeps retrying it.
 *
 * <p>Thread-safe; shares the server's one {@link HttpClient}. Callbacks run on the client's executor.
 */
public final class HttpAirlinePort implements AirlinePort {

    private static final Set<Integer> DEFINITE_REFUSALS = Set.of(400, 404, 409);

    private final String airline;
    private final String base;
    private final String sender;
    private final HttpClient client;
    private final FederationSigner signer;
    private final Duration searchTimeout;
    private final Duration peerTimeout;

    /**
     * @param airline the peer's id
     * @param base    the peer's root, e.g. http://127.0.0.1:65434
     * @param sender  this server's airline id, sent (signed) with every call
     */
    public HttpAirlinePort(String airline, URI base, String sender, HttpClient client, FederationSigner signer,
                           Duration searchTimeout, Duration peerTimeout) {
        this.airline = Objects.requireNonNull(airline, "airline");
        this.base = base.toString().replaceAll("/+$", "");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.client = Objects.requireNonNull(client, "client");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.searchTimeout = Objects.requireNonNull(searchTimeout, "searchTimeout");
        this.peerTimeout = Objects.requireNonNull(peerTimeout, "peerTimeout");
    }

    @Override
    public String airline() {
        return airline;
    }

    @Override
    public CompletableFuture<AirlinePaths> paths(String origin, String destination) {
        return get(FederationPaths.PATHS, query("origem", origin, "destino", destination), searchTimeout)
                .thenApply(json -> read(json, PathsMessage.class, PathsMessage::toPaths));
    }

    @Override
    public CompletableFuture<AirlineTickets> tickets(Cpf cpf) {
        return get(FederationPaths.TICKETS, query("cpf", cpf.digits()), searchTimeout)
                .thenApply(json -> read(json, TicketsMessage.class, TicketsMessage::toTickets));
    }

    @Override
    public CompletableFuture<Vote> prepare(Prepare prepare) {
        return send("POST", FederationPaths.PREPARE, PrepareMessage.of(prepare), peerTimeout, true)
                .thenApply(answer -> answer.refusal != null ? new Vote.Refused(AbortReason.SOLD_OUT, answer.refusal) : read(answer.body, VoteMessage.class, VoteMessage::toVote));
    }

    @Override
    public CompletableFuture<Void> commit(Commit commit) {
        return send("POST", FederationPaths.COMMIT, CommitMessage.of(commit), peerTimeout, false).thenApply(answer -> null);
    }

    @Override
    public CompletableFuture<Void> abort(String txnId) {
        return send("POST", FederationPaths.ABORT, new AbortMessage(txnId), peerTimeout, false).thenApply(answer -> null);
    }

    @Override
    public CompletableFuture<Decision> decision(String txnId) {
        return get(FederationPaths.DECISION, query("id_transacao", txnId), peerTimeout)
                .thenApply(json -> read(json, DecisionMessage.class, DecisionMessage::toDecision));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return get(FederationPaths.PING, "", searchTimeout).thenApply(json -> null);
    }

    @Override
    public String toString() {
        return "HttpAirlinePort[" + airline + " at " + base + "]";
    }

    private CompletableFuture<byte[]> get(String path, String query, Duration timeout) {
        return call("GET", path + query, new byte[0], timeout, false).thenApply(answer -> answer.body);
    }

    private CompletableFuture<Answer> send(String method, String path, Object message, Duration timeout, boolean refusalIsAnswer) {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot write " + message, e));
        }
        return call(method, path, body, timeout, refusalIsAnswer);
    }

    /** The one place a peer call is made; its future fails only with {@link AirlineUnreachable}. */
    private CompletableFuture<Answer> call(String method, String pathAndQuery, byte[] body, Duration timeout, boolean refusalIsAnswer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signer.sign(sender, method, pathAndQuery, body).forEach(request::header);
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            try {
                answer.complete(interpret(response, failure, pathAndQuery, timeout, refusalIsAnswer));
            } catch (AirlineUnreachable e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private Answer interpret(HttpResponse<byte[]> response, Throwable failure, String what, Duration timeout, boolean refusalIsAnswer) {
        if (failure != null) {
            throw new AirlineUnreachable(airline, describe(failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure, timeout));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(response.body(), null);
        }
        String message = errorMessage(response.body());
        if (refusalIsAnswer && DEFINITE_REFUSALS.contains(status)) {
            return new Answer(response.body(), message);
        }
        throw new AirlineUnreachable(airline, "respondeu " + status + " a " + what.replaceAll("\\?.*", "") + ": " + message);
    }

    /** Parses and converts a 2xx answer; an answer we cannot understand means the peer is not usable. */
    private <M, T> T read(byte[] json, Class<M> type, Function<M, T> convert) {
        try {
            return convert.apply(Json.mapper().readValue(json, type));
        } catch (IOException | RuntimeException e) {
            throw new AirlineUnreachable(airline, "resposta ilegível (" + type.getSimpleName() + "): " + e.getMessage());
        }
    }

    private static String errorMessage(byte[] body) {
        try {
            Erro erro = Json.mapper().readValue(body, Erro.class);
            if (erro != null && erro.erro() != null) {
                return erro.erro();
            }
        } catch (IOException | RuntimeException e) {
            // not our JSON (a proxy's page, say): fall through to the raw text
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String describe(Throwable failure, Duration timeout) {
        if (failure instanceof HttpTimeoutException) {
            return "sem resposta em " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "conexão recusada";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static String query(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** A 2xx body, or (prepare only) a definite refusal's message. */
    private record Answer(byte[] body, String refusal) {
    }
}
