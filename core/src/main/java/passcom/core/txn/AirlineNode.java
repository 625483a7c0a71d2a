package passcom.core.txn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.InvalidRequest;
import passcom.core.NotFound;
import passcom.core.account.Accounts;
import passcom.core.account.PasswordHasher;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.cpf.Cpf;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.FederationPlanner;
import passcom.core.route.plan.LocalPathsCache;
import passcom.core.route.plan.RouteOptions;
import passcom.core.route.plan.SameInputsMemo;
import passcom.core.route.UnknownSegment;
import passcom.core.route.plan.VersionedPaths;
import passcom.core.seat.SeatInventory;
import passcom.core.seat.SeatMap;
import passcom.core.store.Store;

/**
 * One airline of the federation, everything it does: answers for its own seats (participant), and
 * coordinates searches, purchases and cancellations for the customers connected to it (coordinator).
 * Servlets call one method each. Design: docs/purchase-protocol.md.
 *
 * <p>Thread-safe: request threads call in concurrently; state lives in the store, not in fields.
 * Background threads per node: decision delivery, the hold resolver, and the lease/expiry keeper; calls
 * to this airline through its own port run on a small bounded pool ({@link LocalAirlinePort}).
 */
public final class AirlineNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AirlineNode.class);
    /** Each airline answers a search with its 10 best paths (the original PASSCOM's rule). */
    public static final int PATHS_PER_AIRLINE = 10;

    /** How long this instance's claim on the transactions it coordinates lasts without renewal. */
    static final Duration LEASE = Duration.ofSeconds(2);
    private static final long LEASE_RENEWAL_MILLIS = 400;

    private final NodeConfig config;
    private final String airline;
    /** This process's coordinator instance: owns the transactions it starts while its lease lasts. */
    private final String instance = UUID.randomUUID().toString();
    private final RouteNetwork network;
    private final Store store;
    private final ExecutorService localCalls;
    private final SeatInventory seats;
    private final BookingStore bookings;
    private final Participant participant;
    private final Map<String, AirlinePort> ports;
    private final DecisionDelivery delivery;
    private final HoldResolver holdResolver;
    private final BackgroundThread expiry;
    private final PurchaseCoordinator purchases;
    private final CancellationCoordinator cancellations;
    private final LocalPathsCache localPaths;
    /** The accounts whose home is this airline (issue 16), in the same store. */
    private final Accounts accounts;
    /**
     * The merge of a trip's answers, kept while every answer is the same cached instance (same versions). 256
     * trips: every trip of a small network, and on a 1,000-city one (where trips rarely repeat) a few MB of
     * itineraries rather than the heap: 4,096 of them starved the 128 MB heap into back-to-back collections.
     */
    private final SameInputsMemo<List<String>, RouteSearch> searches = new SameInputsMemo<>(256);
    private volatile NodeListener listener = NodeListener.NONE;

    private AirlineNode(NodeConfig config, Map<String, AirlinePort> peers, Store store) {
        this.config = config;
        this.airline = config.airline();
        this.network = config.network();
        this.store = store;
        this.localCalls = boundedPool("local-" + airline, 16);
        this.seats = new SeatInventory(store);
        this.bookings = new BookingStore(store);
        this.participant = new Participant(network, airline, store, seats, bookings, config.clock(), config.staleHold());
        Map<String, AirlinePort> all = new TreeMap<>(peers);
        all.remove(airline);
        all.put(airline, new LocalAirlinePort(this, localCalls, config.peerTimeout(), airline));
        this.ports = Map.copyOf(all);
        this.delivery = new DecisionDelivery(store, bookings, ports, config.clock(), config.retryBackoff(), airline);
        this.expiry = new BackgroundThread("txn-expiry-" + airline);
        this.holdResolver = new HoldResolver(participant, ports, Duration.ofMillis(Math.max(50, config.staleHold().toMillis() / 4)), airline);
        TwoPhaseCommit twoPhaseCommit = new TwoPhaseCommit(airline, participant, store, bookings, ports, delivery, config.clock(),
                config.peerTimeout());
        this.purchases = new PurchaseCoordinator(airline, instance, network, ports.keySet(), store, bookings, twoPhaseCommit,
                config.references(), config.clock(), config.peerTimeout());
        this.cancellations = new CancellationCoordinator(airline, instance, store, twoPhaseCommit, config.clock());
        this.accounts = new Accounts(airline, store, new PasswordHasher(), config.clock());
        this.localPaths = new LocalPathsCache(airline, me().pricePer100Km(), network.segmentsFlownBy(airline), seats::segmentsWithFreeSeats,
                System::nanoTime, PATHS_PER_AIRLINE, config.clock().millis());
    }

    /**
     * The store's deadline: every store call must fail before its caller gives up on it, and the
     * coordinator waits {@code peerTimeout} for a participant's prepare (a store write plus the network).
     */
    static Duration storeDeadline(NodeConfig config) {
        return config.peerTimeout().dividedBy(2);
    }

    /**
     * Opens the store (creating the seats from the network on first start), aborts every transaction this
     * node was coordinating when it stopped (nobody was told "bought"), and starts the background threads.
     */
    public static AirlineNode start(NodeConfig config, Map<String, AirlinePort> peers) {
        return start(config, peers, Store.open(config.jdbcUrl(), storeDeadline(config)));
    }

    /** {@link #start(NodeConfig, Map)} on a store the caller opened (tests instrument it). */
    static AirlineNode start(NodeConfig config, Map<String, AirlinePort> peers, Store store) {
        long t0 = System.nanoTime();
        AirlineNode node;
        try {
            node = new AirlineNode(config, peers, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        long t1 = System.nanoTime();
        try {
            Airline flown = node.network.airline(node.airline).orElseThrow();
            LOG.info("airline {}: recording the capacity of its {} segments", node.airline, flown.capacity().size());
            node.seats.createSeats(flown);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        long t2 = System.nanoTime();
        if (node.store.shared()) {
            node.renewLease(); // before any transaction of ours exists, so no other instance takes it for orphaned
        }
        node.recover();
        node.delivery.start();
        node.holdResolver.start();
        node.expiry.every(LEASE_RENEWAL_MILLIS, LEASE_RENEWAL_MILLIS, node::keepLeaseAndExpire);
        long t3 = System.nanoTime();
        LOG.info("airline {} ready: {} peers {} (store opened in {} ms, seats {} ms, recovery {} ms)", node.airline,
                node.ports.size() - 1, node.ports.keySet().stream().filter(a -> !a.equals(node.airline)).toList(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return node;
    }

    /**
     * Before serving: the transactions the last run of this airline left STARTED are aborted (their request
     * threads died, nobody was told "bought"). An embedded store is this process's alone, so that is every
     * STARTED one; a shared store keeps those of other live instances, whose leases still run.
     */
    private void recover() {
        int aborted = store.shared()
                ? abortStarted(c -> CoordinatorLog.startedWithoutLease(c, config.clock().millis()), AbortReason.RECOVERED)
                : abortStarted(c -> CoordinatorLog.startedBefore(c, Long.MAX_VALUE), AbortReason.RECOVERED);
        if (aborted > 0) {
            LOG.info("recovery: aborted {} transaction(s) left undecided by the last run", aborted);
        }
    }

    /**
     * Renews this instance's lease (a shared store only: an embedded one has no other instance to tell that
     * this one is alive, and a renewal would cost a write and an fsync every pass), then aborts what no live
     * thread will decide: transactions still STARTED
     * long after the prepare timeout (their request thread was lost), and those of instances whose lease
     * ran out (they died: another instance of the airline finishes their transactions without waiting for
     * them to come back). Both aborts are conditional on STARTED, so a thread that does come back finds its
     * transaction aborted and tells its customer nothing was bought.
     */
    private void keepLeaseAndExpire() {
        try {
            if (store.shared()) {
                renewLease();
            }
            long now = config.clock().millis();
            int expired = abortStarted(c -> CoordinatorLog.startedBefore(c, now - startedExpiry().toMillis()), AbortReason.EXPIRED);
            int orphaned = store.shared() ? abortStarted(c -> CoordinatorLog.startedWithoutLease(c, now), AbortReason.EXPIRED) : 0;
            if (expired + orphaned > 0) {
                LOG.warn("aborted {} transaction(s) still undecided {} after they started and {} of instances whose lease ran out",
                        expired, startedExpiry(), orphaned);
            }
        } catch (RuntimeException e) {
            LOG.warn("lease/expiry pass failed, will retry: {}", e.toString());
        }
    }

    private void renewLease() {
        long now = config.clock().millis();
        store.write(c -> {
            CoordinatorLog.renewLease(c, instance, now + LEASE.toMillis());
            CoordinatorLog.dropLeasesBefore(c, now - Duration.ofHours(1).toMillis());
            return null;
        });
    }

    private Duration startedExpiry() {
        return config.peerTimeout().multipliedBy(2).plusSeconds(5);
    }

    /**
     * Aborts the transactions {@code which} finds. They are looked for with a read, so a pass that finds
     * nothing (nearly every pass) takes no turn of the writer; the abort is conditional on STARTED, so a
     * transaction decided between the read and the write is left as it was decided.
     */
    private int abortStarted(Store.Work<List<CoordinatorLog.TxnRecord>> which, AbortReason reason) {
        List<CoordinatorLog.TxnRecord> found = store.read(which);
        if (found.isEmpty()) {
            return 0;
        }
        int aborted = store.write(c -> {
            int count = 0;
            for (CoordinatorLog.TxnRecord txn : found) {
                if (CoordinatorLog.decide(c, txn.id(), CoordinatorLog.State.ABORTED, reason, null, txn.participants(), config.clock().millis())) {
                    count++;
                }
            }
            return count;
        });
        if (aborted > 0) {
            delivery.wakeUp();
        }
        return aborted;
    }

    /** The accounts whose home is this airline. */
    public Accounts accounts() {
        return accounts;
    }

    public String airline() {
        return airline;
    }

    public RouteNetwork network() {
        return network;
    }

    /** GET /caminhos_cliente: asks every airline in parallel and merges. @throws InvalidRequest unknown city or same origin and destination */
    public RouteSearch search(String origin, String destination) {
        validateTrip(origin, destination);
        Map<String, AirlinePaths> answers = gather(port -> port.paths(origin, destination));
        List<String> unavailable = ports.keySet().stream().filter(a -> !answers.containsKey(a)).sorted().toList();
        List<AirlinePaths> answered = new ArrayList<>(answers.values());
        List<Object> inputs = new ArrayList<>(answered);
        inputs.addAll(unavailable); // a changed set of missing airlines is a different input even with equal answers
        return searches.get(List.of(origin, destination), inputs, () -> new RouteSearch(origin, destination,
                FederationPlanner.plan(network, airline, origin, destination, answered), answered, unavailable));
    }

    /**
     * This airline's own best paths over segments with a free seat, as of a reading of the seats at most a
     * few tens of milliseconds old ({@link LocalPathsCache}: a purchase re-checks every seat).
     */
    public AirlinePaths localPaths(String origin, String destination) {
        return versionedPaths(origin, destination).paths();
    }

    /** GET /caminhos_servidor: {@link #localPaths} with the availability version it was computed from. */
    public VersionedPaths versionedPaths(String origin, String destination) {
        validateTrip(origin, destination);
        return localPaths.paths(origin, destination);
    }

    /** GET /versao_servidor: the availability version {@link #versionedPaths} answers from now. */
    public long pathsVersion() {
        return localPaths.version();
    }

    /** The airlines of the federation: this one and its peers (GET /rede lists them). */
    public Set<String> federation() {
        return new java.util.TreeSet<>(ports.keySet());
    }

    /**
     * GET /assentos_cliente: the seat map of one leg, asked of the airline that flies it (this one or a peer).
     * @throws InvalidRequest unknown city, segment or airline, or an airline that does not fly the segment
     * @throws AirlineUnreachable that airline did not answer
     */
    public SeatMap seatMap(String origin, String destination, String legAirline) {
        Segment.Key segment = flownSegment(origin, destination, legAirline);
        try {
            return ports.get(legAirline).seatMap(segment).get(config.searchTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirlineUnreachable(legAirline, "interrompido");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AirlineUnreachable(legAirline, "sem resposta em " + config.searchTimeout().toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new AirlineUnreachable(legAirline, String.valueOf(e.getCause()));
        }
    }

    /** GET /assentos_servidor: the seat map of a segment this airline flies. @throws UnknownSegment it does not fly it */
    public SeatMap localSeatMap(Segment.Key segment) {
        return seats.seatMap(airline, segment).orElseThrow(() -> new UnknownSegment(
                "a companhia " + airline + " não voa o trecho " + segment));
    }

    private Segment.Key flownSegment(String origin, String destination, String legAirline) {
        validateTrip(origin, destination);
        if (legAirline == null || legAirline.isBlank()) {
            throw new InvalidRequest("informe a companhia");
        }
        return FlownSegments.require(network, ports.keySet(), origin, destination, legAirline).key();
    }

    /** POST /comprar_cliente. @throws InvalidRequest a path not in the network or not flown by the named airline */
    public PurchaseOutcome purchase(PurchaseOrder order) {
        PurchaseOutcome outcome = purchases.purchase(order);
        listener.purchaseFinished(outcome);
        return outcome;
    }

    /** GET /passagens_cliente: every airline's bookings for the CPF, gathered in parallel. */
    public TicketSearch tickets(Cpf cpf) {
        Map<String, AirlineTickets> answers = gather(port -> port.tickets(cpf));
        List<String> unavailable = ports.keySet().stream().filter(a -> !answers.containsKey(a)).sorted().toList();
        Set<String> cancelled = answers.values().stream().flatMap(t -> t.cancelled().stream()).collect(Collectors.toSet());
        Map<String, Booking> byReference = new LinkedHashMap<>();
        answers.values().forEach(t -> t.bookings().forEach(b -> byReference.putIfAbsent(b.reference(), b)));
        List<Booking> active = byReference.values().stream()
                .filter(b -> !cancelled.contains(b.reference()))
                .sorted(Comparator.comparing(Booking::purchasedAt).thenComparing(Booking::reference))
                .toList();
        return new TicketSearch(cpf, active, List.copyOf(answers.values()), unavailable);
    }

    /** GET /passagens_servidor: the bookings this airline knows in full, and its own sold legs, for a CPF. */
    public AirlineTickets localTickets(Cpf cpf) {
        Set<String> cancelled = new HashSet<>(bookings.cancelledFor(cpf));
        cancelled.addAll(store.read(c -> CoordinatorLog.committedCancellations(c, cpf.digits())));
        List<BookedLeg> sold = seats.soldSeats(cpf.digits()).stream().map(seat -> {
            Segment segment = network.segment(seat.segment().origin(), seat.segment().destination()).orElseThrow();
            return new BookedLeg(segment, airline, seat.number(), me().pricePer100Km().forDistance(segment.km()));
        }).toList();
        return new AirlineTickets(airline, bookings.activeFor(cpf), cancelled, sold);
    }

    /** POST /cancelar_cliente. @throws NotFound no such booking for that CPF */
    public CancelOutcome cancel(Cpf cpf, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidRequest("informe o localizador da passagem");
        }
        String wanted = reference.strip().toUpperCase();
        TicketSearch search = tickets(cpf);
        CancelOutcome outcome = search.bookings().stream().filter(b -> b.reference().equals(wanted)).findFirst()
                .map(cancellations::cancel)
                .orElseGet(() -> {
                    if (!search.unavailable().isEmpty()) {
                        return new CancelOutcome.Unreachable(String.join(", ", search.unavailable()));
                    }
                    throw new NotFound("o CPF " + cpf + " não tem passagem ativa com localizador " + wanted);
                });
        listener.cancellationFinished(outcome);
        return outcome;
    }

    /** POST /comprar_servidor (phase one, as participant). */
    public Vote prepare(Prepare prepare) {
        return participant.prepare(prepare);
    }

    /**
     * POST /confirmar_servidor (phase two COMMIT, as participant), sent by {@code sender} (the airline that
     * signed it). Idempotent. @throws NotTheCoordinator {@code sender} does not coordinate the transaction
     */
    public void commit(Commit commit, String sender) {
        participant.commit(commit, sender);
    }

    /**
     * POST /rollback (phase two ABORT, as participant), sent by {@code sender}. Idempotent; remembers unknown ids
     * as aborted by {@code sender}. @throws NotTheCoordinator {@code sender} does not coordinate the transaction
     */
    public void abort(String txnId, String sender) {
        participant.abort(txnId, sender);
    }

    /** GET /decisao_servidor (as coordinator). Unknown ids are presumed aborted, and recorded so. */
    public Decision decision(String txnId) {
        Decision known = store.read(c -> CoordinatorLog.find(c, txnId).map(txn -> decisionOf(c, txn)).orElse(null));
        if (known != null) {
            return known;
        }
        return store.write(c -> {
            var txn = CoordinatorLog.find(c, txnId);
            if (txn.isEmpty()) {
                CoordinatorLog.recordUnknownAsAborted(c, txnId, config.clock().millis());
                return new Decision.Aborted();
            }
            return decisionOf(c, txn.get());
        });
    }

    private Decision decisionOf(java.sql.Connection c, CoordinatorLog.TxnRecord txn) {
        try {
            return switch (txn.state()) {
                case STARTED -> new Decision.Pending();
                case ABORTED -> new Decision.Aborted();
                case COMMITTED -> Decision.committed(txn.id(), txn.kind(), bookings.find(c, txn.reference()).orElseThrow());
            };
        } catch (java.sql.SQLException e) {
            throw new passcom.core.store.StoreFailure("could not read booking " + txn.reference() + ": " + e.getMessage(), e);
        }
    }

    /** From now on {@code listener} hears how purchases and cancellations end, and of every store commit (metrics). */
    public void observe(NodeListener listener) {
        this.listener = listener;
        store.observe(listener);
    }

    /** What is unfinished here, without asking any peer (metrics read it on every scrape). */
    public Backlog backlog() {
        long held = seats.counts().values().stream().mapToLong(SeatInventory.Count::held).sum();
        long undecided = store.read(c -> CoordinatorLog.count(c, "SELECT COUNT(*) FROM txn WHERE state = 'STARTED'"));
        return new Backlog(held, undecided, participant.preparedCount(), delivery.pending());
    }

    /** GET /saude. */
    public Health health() {
        Map<String, CompletableFuture<Void>> pings = new TreeMap<>();
        ports.forEach((id, port) -> {
            if (!id.equals(airline)) {
                pings.put(id, port.ping().orTimeout(1, TimeUnit.SECONDS));
            }
        });
        Map<String, Boolean> peers = new TreeMap<>();
        pings.forEach((id, ping) -> peers.put(id, succeeded(ping, 1500)));
        Map<Segment.Key, SeatInventory.Count> counts = seats.counts();
        long held = counts.values().stream().mapToLong(SeatInventory.Count::held).sum();
        long sold = counts.values().stream().mapToLong(SeatInventory.Count::sold).sum();
        long started = store.read(c -> CoordinatorLog.count(c, "SELECT COUNT(*) FROM txn WHERE state = 'STARTED'"));
        long pending = started + delivery.pending() + participant.preparedCount();
        return new Health(airline, peers, held, pending, sold, participant.conflictingDecisions());
    }

    /** Seats per state on each segment this airline flies (invariant checks, tests, operators). */
    public Map<Segment.Key, SeatInventory.Count> seatCounts() {
        return seats.counts();
    }

    /** Purchase attempts this coordinator retried because a seat was contended, since start. */
    public long contendedRetries() {
        return purchases.contendedRetries();
    }

    /** Seats per state counted from the seat rows, checked against the counters (invariant checks). */
    public Map<Segment.Key, SeatInventory.Count> recountSeats() {
        return seats.recount();
    }

    /** Every sold seat (invariant checks: they must be exactly the active bookings' legs). */
    public List<SeatInventory.SoldSeat> soldSeats() {
        return seats.soldSeats(null);
    }

    /** Every ACTIVE booking this airline keeps a copy of. */
    public List<Booking> knownBookings() {
        return bookings.allActive();
    }

    private Airline me() {
        return network.airline(airline).orElseThrow();
    }

    private void validateTrip(String origin, String destination) {
        if (origin == null || origin.isBlank()) {
            throw new InvalidRequest("informe a origem");
        }
        if (destination == null || destination.isBlank()) {
            throw new InvalidRequest("informe o destino");
        }
        network.city(origin);
        network.city(destination);
        if (origin.equals(destination)) {
            throw new InvalidRequest("origem e destino são a mesma cidade: " + origin);
        }
    }

    /** Asks every airline in parallel; the answers of those that answered within the search timeout. */
    private <T> Map<String, T> gather(Function<AirlinePort, CompletableFuture<T>> ask) {
        long timeout = config.searchTimeout().toMillis();
        Map<String, CompletableFuture<T>> futures = new TreeMap<>();
        ports.forEach((id, port) -> futures.put(id, ask.apply(port).orTimeout(timeout, TimeUnit.MILLISECONDS)));
        Map<String, T> answers = new TreeMap<>();
        futures.forEach((id, future) -> {
            try {
                answers.put(id, future.get(timeout + 500, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (e.getCause() instanceof InvalidRequest invalid && id.equals(airline)) {
                    throw invalid;
                }
                LOG.debug("{} did not answer: {}", id, e.toString());
            }
        });
        return answers;
    }

    private static boolean succeeded(CompletableFuture<Void> future, long waitMillis) {
        try {
            future.get(waitMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops the background threads and closes the store. In-flight requests should be drained first (the server does). */
    @Override
    public void close() {
        expiry.close();
        holdResolver.close();
        delivery.close();
        localCalls.shutdown();
        try {
            localCalls.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    /** The store, for tests that set up states no API call produces. */
    Store store() {
        return store;
    }

    /** This airline's own port (what its coordinator uses to reach itself). */
    AirlinePort localPort() {
        return ports.get(airline);
    }

    /** This airline as {@code sender} reaches it (in-memory federations: what a signed call from {@code sender} would do). */
    AirlinePort portFrom(String sender) {
        return new LocalAirlinePort(this, localCalls, config.peerTimeout(), sender);
    }

    private static ExecutorService boundedPool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
