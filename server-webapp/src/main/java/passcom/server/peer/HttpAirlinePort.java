package passcom.server.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import passcom.api.Erro;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.api.Json;
import passcom.core.availability.FeedConnection;
import passcom.core.availability.FeedSink;
import passcom.core.availability.ImageFeed;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.seat.SeatMap;
import passcom.core.time.Ticker;
import passcom.core.txn.AirlinePort;
import passcom.core.txn.AirlineTickets;
import passcom.core.txn.AirlineUnreachable;
import passcom.core.txn.Commit;
import passcom.core.txn.ConflictingDecision;
import passcom.core.txn.Decision;
import passcom.core.txn.Prepare;
import passcom.core.txn.TxnId;
import passcom.core.txn.TxnLog;
import passcom.core.txn.AbortReason;
import passcom.core.txn.Vote;
import passcom.server.auth.FederationSigner;

/**
 * A peer airline reached over signed HTTP, at one or more instances that share its store. Every call is
 * asynchronous with its own timeout: route and ticket searches {@code searchTimeout} (about 2 s), protocol
 * messages {@code peerTimeout}.
 *
 * <p>Instances: the one that answered last is tried first. A connection that fails before any answer
 * (refused, reset, connect timeout) moves on to the next instance at once; with several instances each
 * attempt gets an equal share of what is left of the timeout, so a paused instance costs a share and the
 * next one still gets its turn. Resending is safe because every message is idempotent by transaction id
 * ({@link AirlinePort}). The whole call never outlasts its timeout.
 *
 * <p>Bulkheads: at most {@link Limits#prepares} prepares, {@link Limits#searches} searches (paths, tickets,
 * ping) and {@link Limits#phaseTwo} commits, aborts and decision queries to this airline at once. One more
 * waits for a place, within its own timeout, while the airline answers (a burst of buyers to a busy but
 * live airline), and fails at once as unreachable ("sobrecarregada") when it has answered nothing for
 * half the call's timeout ({@link Bulkhead}), so a paused airline holds at most prepares + searches customer requests
 * waiting, and never the ones that do not involve it. Separate
 * limits, so that a burst of route searches, or the decision delivery catching up (up to 200 messages a
 * pass), cannot make prepares to a busy but live airline fail.
 *
 * <p>Failures: a connection error, a timeout, a 5xx, a 401 (the peer does not share our secret) or an
 * answer we cannot read fails the future with {@link AirlineUnreachable}, which says nothing about whether
 * the message arrived; the core treats it as "maybe" (retries phase two, keeps holds). Two exceptions:
 * a prepare answered 400, 404 or 409 is a definite refusal (the participant validates before it writes, so
 * nothing is held) and becomes {@link Vote.Refused} for {@link AbortReason#REFUSED_BY_AIRLINE} with the peer's
 * status and message (not "sold out": the customer is told which airline refused the order and why); a commit or abort answered
 * 409 fails with {@link ConflictingDecision}, since the participant recorded the opposite decision and
 * the message was not acknowledged. Any other non-2xx answer to a commit or abort stays "unreachable", so
 * the coordinator keeps retrying it.
 *
 * <p>Thread-safe. The {@link PeerHttpClient} should be this peer's own (its connections and threads then
 * serve no other airline). Callbacks run on the client's threads and never block.
 */
public final class HttpAirlinePort implements AirlinePort {

    /**
     * Calls allowed in flight to one airline at once. Prepares and searches run on customer requests: together
     * they stay below the server's customer limit (64), so a paused airline can hold 48 customer requests,
     * never all. Past the limit a call fails rather than waits, so a burst of more prepares than this to a
     * live but slow airline fails some of them (16 did: 20 buyers at once); searches answer in milliseconds.
     * Phase two runs on the coordinator's background thread, which retries what fails.
     */
    public record Limits(int prepares, int searches, int phaseTwo) {
        public static final Limits DEFAULT = new Limits(32, 16, 32);

        public Limits {
            if (prepares < 1 || searches < 1 || phaseTwo < 1) {
                throw new IllegalArgumentException("in-flight limits must be positive: " + prepares + ", " + searches + ", " + phaseTwo);
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpAirlinePort.class);
    /**
     * COMMITs carried by one batch message at most: a 9-passenger booking's COMMIT is about 2 KB, so 16 stay
     * well inside a request body's 64 KB limit.
     */
    public static final int COMMITS_PER_MESSAGE = 16;
    private static final Set<Integer> DEFINITE_REFUSALS = Set.of(400, 404, 409);

    private final String airline;
    private final List<String> instances;
    private final String sender;
    private final PeerHttpClient client;
    private final FederationSigner signer;
    private final Duration searchTimeout;
    private final Duration peerTimeout;
    private final Limits limits;
    private final Map<Message, Bulkhead> bulkheads;
    /** Feed connections opened so far: each one goes to the next instance. */
    private final AtomicInteger feedConnections = new AtomicInteger();
    /** Set once this airline answered a batch of COMMITs with 400 (a server from before batches): single COMMITs from then on. */
    private volatile boolean singleCommitsOnly;
    /** Index of the instance that answered last. */
    private final AtomicInteger preferred = new AtomicInteger();
    /** Deadlines and bulkhead silence: a test moves it instead of sleeping. */
    private final Ticker ticker;

    /**
     * @param airline     the peer's id
     * @param instances   the peer's roots, e.g. http://127.0.0.1:65434, in order of preference
     * @param sender      this server's airline id, sent (signed) with every call
     * @param limits      calls to this airline allowed at once
     */
    public HttpAirlinePort(String airline, List<URI> instances, String sender, PeerHttpClient client, FederationSigner signer,
                           Duration searchTimeout, Duration peerTimeout, Limits limits) {
        this(airline, instances, sender, client, signer, searchTimeout, peerTimeout, limits, Ticker.system());
    }

    /** @param ticker the time deadlines and a peer's silence are read on ({@link Ticker#system()} outside tests) */
    public HttpAirlinePort(String airline, List<URI> instances, String sender, PeerHttpClient client, FederationSigner signer,
                           Duration searchTimeout, Duration peerTimeout, Limits limits, Ticker ticker) {
        this.airline = Objects.requireNonNull(airline, "airline");
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("airline " + airline + " needs at least one URL");
        }
        this.instances = instances.stream().map(uri -> uri.toString().replaceAll("/+$", "")).distinct().toList();
        this.sender = Objects.requireNonNull(sender, "sender");
        this.client = Objects.requireNonNull(client, "client");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.searchTimeout = Objects.requireNonNull(searchTimeout, "searchTimeout");
        this.peerTimeout = Objects.requireNonNull(peerTimeout, "peerTimeout");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        // Decision queries share the phase-two limit's size, not its permits: both come from background threads.
        this.bulkheads = Map.of(
                Message.QUERY, new Bulkhead(limits.searches(), ticker),
                Message.PREPARE, new Bulkhead(limits.prepares(), ticker),
                Message.PHASE_TWO, new Bulkhead(limits.phaseTwo(), ticker),
                Message.DECISION, new Bulkhead(limits.phaseTwo(), ticker));
    }

    @Override
    public String airline() {
        return airline;
    }

    /**
     * Asked every time: a route search plans from the peer's availability image and asks only a peer it has no image
     * of yet. (The answers cached here by version until 2026-12 could be up to a second stale.)
     */
    @Override
    public CompletableFuture<AirlinePaths> paths(String origin, String destination) {
        return get(FederationPaths.PATHS, query("origem", origin, "destino", destination), searchTimeout, Message.QUERY)
                .thenApply(json -> read(json, PathsMessage.class, PathsMessage::toPaths));
    }

    /**
     * A server-sent event stream from one instance (each new connection tries the next, so a second instance takes
     * over from a dead one). Silence for {@link ImageFeed#SILENCE_LIMIT} ends it (heartbeats come every half second);
     * an event that cannot be read ends it too, and the subscriber asks again for a snapshot.
     */
    @Override
    public FeedConnection availability(FeedSink sink) {
        String base = instances.get(Math.floorMod(feedConnections.getAndIncrement(), instances.size()));
        Map<String, String> headers = signer.sign(sender, "GET", FederationPaths.FEED, new byte[0]);
        AtomicReference<PeerHttpClient.Stream> stream = new AtomicReference<>();
        FeedEvents events = new FeedEvents(json -> {
            try {
                sink.accept(Json.mapper().readValue(json, AvailabilityMessage.class).toMessage());
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}'s feed: unreadable event: {}", airline, e.toString());
                stream.get().close();
            }
        });
        stream.set(client.stream(URI.create(base + FederationPaths.FEED), headers, ImageFeed.SILENCE_LIMIT, events::read, sink::ended));
        return () -> stream.get().close();
    }

    @Override
    public CompletableFuture<AirlineTickets> tickets(Cpf cpf) {
        return get(FederationPaths.TICKETS, query("cpf", cpf.digits()), searchTimeout, Message.QUERY)
                .thenApply(json -> read(json, TicketsMessage.class, TicketsMessage::toTickets));
    }

    @Override
    public CompletableFuture<SeatMap> seatMap(Segment.Key segment) {
        return get(FederationPaths.SEATS, query("origem", segment.origin(), "destino", segment.destination()), searchTimeout, Message.QUERY)
                .thenApply(json -> read(json, SeatMapMessage.class, SeatMapMessage::toSeatMap));
    }

    @Override
    public CompletableFuture<Vote> prepare(Prepare prepare) {
        return send(FederationPaths.PREPARE, PrepareMessage.of(prepare), Message.PREPARE, prepare.txnId().value())
                .thenApply(answer -> answer.refusal != null ? new Vote.Refused(AbortReason.REFUSED_BY_AIRLINE, answer.refusal) : read(answer.body, VoteMessage.class, VoteMessage::toVote));
    }

    @Override
    public CompletableFuture<Void> commit(Commit commit) {
        return send(FederationPaths.COMMIT, CommitMessage.of(commit), Message.PHASE_TWO, commit.txnId().value()).thenApply(answer -> null);
    }

    /**
     * The COMMITs in messages of up to {@link #COMMITS_PER_MESSAGE}, each answered per commit ({@link CommitAnswers});
     * a peer that refuses the batch form with 400 (it predates it, and changed nothing) gets them one by one.
     */
    @Override
    public List<CompletableFuture<Void>> commitAll(List<Commit> commits) {
        List<CompletableFuture<Void>> answers = new ArrayList<>(commits.size());
        for (int from = 0; from < commits.size(); from += COMMITS_PER_MESSAGE) {
            List<Commit> batch = commits.subList(from, Math.min(commits.size(), from + COMMITS_PER_MESSAGE));
            answers.addAll(batch.size() == 1 || singleCommitsOnly ? AirlinePort.super.commitAll(batch) : commitBatch(batch));
        }
        return answers;
    }

    private List<CompletableFuture<Void>> commitBatch(List<Commit> batch) {
        List<CompletableFuture<Void>> answers = batch.stream().map(c -> new CompletableFuture<Void>()).toList();
        call(message("POST", FederationPaths.COMMIT, CommitMessage.batchOf(batch), Message.PHASE_TWO_BATCH, null)).whenComplete((answer, failure) -> {
            if (failure != null) {
                answers.forEach(a -> a.completeExceptionally(unwrap(failure)));
            } else if (answer.refusal != null) {
                singleCommitsOnly = true;
                LOG.info("airline {} refused a batch of COMMITs ({}); sending it single COMMITs from now on", airline, answer.refusal);
                for (int i = 0; i < batch.size(); i++) {
                    CompletableFuture<Void> each = answers.get(i);
                    commit(batch.get(i)).whenComplete((ok, error) -> settle(each, error));
                }
            } else {
                settleEach(batch, answers, answer.body);
            }
        });
        return answers;
    }

    private void settleEach(List<Commit> batch, List<CompletableFuture<Void>> answers, byte[] body) {
        List<CommitAnswers.Result> results;
        try {
            results = read(body, CommitAnswers.class, CommitAnswers::resultados);
            if (results == null || results.size() != batch.size()) {
                throw new AirlineUnreachable(airline, "resposta ilegível (CommitAnswers): " + (results == null ? 0 : results.size())
                        + " resultados para " + batch.size() + " confirmações");
            }
        } catch (RuntimeException e) {
            answers.forEach(a -> a.completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            CommitAnswers.Result result = results.get(i);
            String message = result.erro() == null ? "" : result.erro().erro();
            if (!batch.get(i).txnId().value().equals(result.idTransacao())) {
                answers.get(i).completeExceptionally(new AirlineUnreachable(airline, "resposta fora de ordem: " + result.idTransacao()));
            } else if (result.status() >= 200 && result.status() < 300) {
                answers.get(i).complete(null);
            } else if (result.status() == 409) {
                answers.get(i).completeExceptionally(new ConflictingDecision("Companhia " + airline + " recusou " + FederationPaths.COMMIT + ": " + message));
            } else {
                answers.get(i).completeExceptionally(new AirlineUnreachable(airline, "respondeu " + result.status() + " a "
                        + FederationPaths.COMMIT + ": " + message));
            }
        }
    }

    private static void settle(CompletableFuture<Void> answer, Throwable error) {
        if (error == null) {
            answer.complete(null);
        } else {
            answer.completeExceptionally(unwrap(error));
        }
    }

    @Override
    public CompletableFuture<Void> abort(TxnId txnId) {
        return send(FederationPaths.ABORT, new AbortMessage(txnId.value()), Message.PHASE_TWO, txnId.value()).thenApply(answer -> null);
    }

    @Override
    public CompletableFuture<Decision> decision(TxnId txnId) {
        return get(FederationPaths.DECISION, query("id_transacao", txnId.value()), peerTimeout, Message.DECISION, txnId.value())
                .thenApply(json -> read(json, DecisionMessage.class, DecisionMessage::toDecision));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return get(FederationPaths.PING, "", searchTimeout, Message.QUERY).thenApply(json -> null);
    }

    /** Calls to this airline running now (tests, health). */
    public int inFlight() {
        return limits.prepares() + limits.searches() + 2 * limits.phaseTwo()
                - bulkheads.values().stream().mapToInt(Bulkhead::available).sum();
    }

    @Override
    public String toString() {
        return "HttpAirlinePort[" + airline + " at " + String.join(", ", instances) + "]";
    }

    private CompletableFuture<byte[]> get(String path, String query, Duration timeout, Message kind) {
        return get(path, query, timeout, kind, null);
    }

    /** {@code txn}: the transaction the call belongs to (sent as {@link TxnLog#HEADER}, so the peer logs it), or null. */
    private CompletableFuture<byte[]> get(String path, String query, Duration timeout, Message kind, String txn) {
        return call(new Call("GET", path + query, new byte[0], timeout, kind, txn)).thenApply(answer -> answer.body);
    }

    private CompletableFuture<Answer> send(String path, Object message, Message kind, String txn) {
        Call call;
        try {
            call = message("POST", path, message, kind, txn);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call(call);
    }

    private Call message(String method, String path, Object message, Message kind, String txn) {
        try {
            return new Call(method, path, Json.mapper().writeValueAsBytes(message), peerTimeout, kind, txn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message, e);
        }
    }

    /**
     * The one place a peer call starts: takes a place in the bulkhead (waiting for one, within the call's
     * timeout, while the peer answers), or fails at once when it is full and the peer is silent.
     */
    private CompletableFuture<Answer> call(Call call) {
        Bulkhead bulkhead = bulkheads.get(call.kind == Message.PHASE_TWO_BATCH ? Message.PHASE_TWO : call.kind); // a batch is one phase-two call
        long deadline = ticker.read() + call.timeout.toNanos();
        CompletableFuture<Void> place = bulkhead.acquire(call.timeout.toMillis());
        if (place == null) {
            return CompletableFuture.failedFuture(new AirlineUnreachable(airline,
                    "sobrecarregada: " + call.kind.limit(limits) + " " + call.kind.plural + " já em andamento"));
        }
        CompletableFuture<Answer> result = new CompletableFuture<>();
        place.whenComplete((granted, timedOut) -> {
            if (timedOut != null) {
                result.completeExceptionally(new AirlineUnreachable(airline, "sobrecarregada: nenhuma vaga para "
                        + call.kind.plural + " em " + call.timeout.toMillis() + " ms"));
                return;
            }
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            // The caller sees the answer only once the place is free again, so it can call at once without a spurious "sobrecarregada".
            answer.whenComplete((ok, failure) -> {
                bulkhead.release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(ok);
                }
            });
            attempt(call, answer, preferred.get(), 0, deadline, new ArrayList<>());
        });
        return result;
    }

    /** Sends to instance {@code index}; a failure before any answer moves to the next while time and instances remain. */
    private void attempt(Call call, CompletableFuture<Answer> answer, int index, int tried, long deadline, List<String> failures) {
        int untried = instances.size() - tried;
        long remaining = deadline - ticker.read();
        Duration share = Duration.ofMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining / untried + 999_999)));
        String base = instances.get(index);
        try {
            exchange(call, answer, index, untried, share, deadline, failures);
        } catch (RuntimeException e) {
            answer.completeExceptionally(new AirlineUnreachable(airline, describe(e, share) + " em " + base));
        }
    }

    private void exchange(Call call, CompletableFuture<Answer> answer, int index, int untried, Duration share, long deadline,
                          List<String> failures) {
        int tried = instances.size() - untried;
        String base = instances.get(index);
        Map<String, String> headers = new LinkedHashMap<>(signer.sign(sender, call.method, call.pathAndQuery, call.body));
        headers.put("Content-Type", "application/json");
        if (call.txn != null) {
            headers.put(TxnLog.HEADER, call.txn);
        }
        client.send(call.method, URI.create(base + call.pathAndQuery), headers, call.body, share).whenComplete((response, failure) -> {
            if (failure == null) {
                bulkheads.values().forEach(Bulkhead::answered); // alive: a full bulkhead of any kind is worth waiting for
                preferred.set(index);
                try {
                    answer.complete(interpret(response, call));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
                return;
            }
            Throwable cause = unwrap(failure);
            failures.add(describe(cause, share) + " em " + base);
            boolean timeLeft = deadline - ticker.read() > TimeUnit.MILLISECONDS.toNanos(1);
            // Refused, reset, closed or silent: nothing was answered, so the next instance may be asked (idempotent messages).
            if (untried > 1 && timeLeft && (cause instanceof IOException || cause instanceof TimeoutException)) {
                attempt(call, answer, (index + 1) % instances.size(), tried + 1, deadline, failures);
            } else {
                answer.completeExceptionally(new AirlineUnreachable(airline, String.join("; ", failures)));
            }
        });
    }

    private Answer interpret(PeerHttpClient.Answer response, Call call) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Answer(response.body(), null);
        }
        String message = errorMessage(response.body());
        if (call.kind == Message.PHASE_TWO_BATCH && status == 400) {
            return new Answer(response.body(), "HTTP 400: " + message);
        }
        if (call.kind == Message.PREPARE && DEFINITE_REFUSALS.contains(status)) {
            return new Answer(response.body(), "a companhia " + airline + " recusou o pedido (HTTP " + status + "): " + message);
        }
        String what = call.pathAndQuery.replaceAll("\\?.*", "");
        if ((call.kind == Message.PHASE_TWO || call.kind == Message.PHASE_TWO_BATCH) && status == 409) {
            throw new ConflictingDecision("Companhia " + airline + " recusou " + what + ": " + message);
        }
        throw new AirlineUnreachable(airline, "respondeu " + status + " a " + what + ": " + message);
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

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Connect failures say so; only an open connection that stayed silent is "sem resposta". */
    private static String describe(Throwable failure, Duration timeout) {
        if (failure instanceof SocketTimeoutException) { // Jetty's connect timeout
            return "tempo de conexão esgotado";
        }
        if (failure instanceof TimeoutException) { // the whole exchange's timeout
            return "sem resposta em " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "conexão recusada";
        }
        if (failure instanceof IOException) {
            return "conexão encerrada sem resposta (" + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")";
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

    /** What a call is: which bulkhead it takes, and what a non-2xx answer means. */
    private enum Message {
        /** A search (paths, tickets, ping): any non-2xx is "unreachable". */
        QUERY("consultas"),
        /** Phase one: 400/404/409 is a definite refusal. */
        PREPARE("preparações"),
        /** Commit or abort: 409 is a conflicting decision, never an acknowledgement. */
        PHASE_TWO("confirmações ou cancelamentos"),
        /** Several commits in one message: 400 is a server from before batches (it changed nothing), 409 as above. */
        PHASE_TWO_BATCH("confirmações ou cancelamentos"),
        /** A participant asks for a decision: any non-2xx is "unreachable". */
        DECISION("consultas de decisão");

        final String plural;

        Message(String plural) {
            this.plural = plural;
        }

        int limit(Limits limits) {
            return switch (this) {
                case QUERY -> limits.searches();
                case PREPARE -> limits.prepares();
                case PHASE_TWO, PHASE_TWO_BATCH, DECISION -> limits.phaseTwo();
            };
        }
    }

    private record Call(String method, String pathAndQuery, byte[] body, Duration timeout, Message kind, String txn) {
    }

    /** A 2xx body, or (a prepare, or a batch of commits) a definite refusal's message. */
    private record Answer(byte[] body, String refusal) {
    }
}
