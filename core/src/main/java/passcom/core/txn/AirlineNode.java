package passcom.core.txn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passcom.core.InvalidRequest;
import passcom.core.NotFound;
import passcom.core.account.Accounts;
import passcom.core.account.PasswordHasher;
import passcom.core.availability.AirlineImages;
import passcom.core.availability.AvailabilityImage;
import passcom.core.availability.AvailabilityPublisher;
import passcom.core.booking.BookedLeg;
import passcom.core.cpf.Cpf;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.route.UnknownSegment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.route.plan.VersionedPaths;
import passcom.core.seat.SeatMap;
import passcom.core.store.Store;
import passcom.core.time.Sleeper;
import passcom.core.time.Ticker;

/**
 * One airline of the federation: the facade the servlets call, one method each, over the classes that do the
 * work (built in {@link NodeParts}): {@link Participant} answers for this airline's seats; {@link PurchaseCoordinator}
 * and {@link CancellationCoordinator} run transactions for the customers connected here;
 * {@link RouteSearchHandler}, {@link SeatMapHandler} and {@link TicketsHandler} answer reads;
 * {@link DecisionQueryHandler} answers the participants' decision queries; {@link Recovery} and {@link LeaseTask}
 * abort what no thread will decide. Design: docs/purchase-protocol.md.
 *
 * <p>Thread-safe: request threads call in concurrently; state lives in the store, not in fields.
 * Background threads per node: decision delivery, the hold resolver, and the lease/expiry timer; calls
 * to this airline through its own port run on a small bounded pool ({@link LocalAirlinePort}).
 */
public final class AirlineNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AirlineNode.class);

    private final NodeParts parts;
    /** The accounts whose home is this airline (issue 16), in the same store. */
    private final Accounts accounts;
    private volatile NodeListener listener = NodeListener.NONE;

    private AirlineNode(NodeConfig config, Map<String, AirlinePort> peers, Store store, Ticker ticker, Sleeper sleeper) {
        this.parts = NodeParts.assemble(this, config, peers, store, ticker, sleeper);
        this.accounts = new Accounts(config.airline(), store, new PasswordHasher(), config.clock());
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
        return start(config, peers, Store.open(config.jdbcUrl(), storeDeadline(config)), Ticker.system(), Sleeper.system());
    }

    /** {@link #start(NodeConfig, Map)} on a store the caller opened, with the caller's time (tests instrument both). */
    static AirlineNode start(NodeConfig config, Map<String, AirlinePort> peers, Store store, Ticker ticker, Sleeper sleeper) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(peers, "peers");
        long t0 = System.nanoTime();
        AirlineNode node;
        try {
            node = new AirlineNode(config, peers, store, ticker, sleeper);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        NodeParts parts = node.parts;
        long t1 = System.nanoTime();
        try {
            // A reopen of the same network finds every capacity recorded and writes nothing (no write transaction, no
            // fsync on the start's path); a first start, a kill before that write committed, or a network with other
            // seats writes the segments that differ.
            Airline flown = config.network().airline(config.airline()).orElseThrow();
            Map<Segment.Key, Integer> changes = store.read(c -> parts.seats().capacityChanges(c, flown));
            if (changes.isEmpty()) {
                LOG.info("airline {}: the capacity of its {} segments is already recorded", config.airline(), flown.capacity().size());
            } else {
                LOG.info("airline {}: recording the capacity of its {} segments ({} new or changed)", config.airline(),
                        flown.capacity().size(), changes.size());
                store.write(c -> {
                    parts.seats().recordCapacity(c, changes);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        long t2 = System.nanoTime();
        if (store.shared()) {
            parts.lease().renewLease(); // before any transaction of ours exists, so no other instance takes it for orphaned
        }
        parts.recovery().atStart();
        parts.delivery().start();
        parts.holdResolver().start();
        parts.lease().start();
        parts.images().start();
        long t3 = System.nanoTime();
        Set<String> peerIds = parts.federation().airlines();
        peerIds.remove(config.airline());
        LOG.info("airline {} ready: {} peers {} (store opened in {} ms, seats {} ms, recovery {} ms)", config.airline(),
                peerIds.size(), peerIds, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return node;
    }

    /** The accounts whose home is this airline. */
    public Accounts accounts() {
        return accounts;
    }

    public String airline() {
        return parts.config().airline();
    }

    public RouteNetwork network() {
        return parts.config().network();
    }

    /** The airlines of the federation: this one and its peers (GET /rede lists them). */
    public Set<String> federation() {
        return parts.federation().airlines();
    }

    /** GET /caminhos_cliente: asks every airline in parallel and merges. @throws InvalidRequest unknown city or same origin and destination */
    public RouteSearch search(String origin, String destination) {
        return parts.routes().search(origin, destination);
    }

    /**
     * This airline's own best paths over segments with a free seat, as of a reading of the seats at most a
     * few tens of milliseconds old ({@link passcom.core.route.plan.LocalPathsCache}: a purchase re-checks every seat).
     */
    public AirlinePaths localPaths(String origin, String destination) {
        return versionedPaths(origin, destination).paths();
    }

    /** GET /caminhos_servidor: {@link #localPaths} with the availability version it was computed from. */
    public VersionedPaths versionedPaths(String origin, String destination) {
        return parts.routes().versionedPaths(origin, destination);
    }

    /** GET /versao_servidor: the availability version {@link #versionedPaths} answers from now. */
    public long pathsVersion() {
        return parts.routes().pathsVersion();
    }

    /**
     * GET /assentos_cliente: the seat map of one leg, asked of the airline that flies it (this one or a peer).
     * @throws InvalidRequest unknown city, segment or airline, or an airline that does not fly the segment
     * @throws AirlineUnreachable that airline did not answer
     */
    public SeatMap seatMap(String origin, String destination, String legAirline) {
        return parts.seatMaps().seatMap(origin, destination, legAirline);
    }

    /** GET /assentos_servidor: the seat map of a segment this airline flies. @throws UnknownSegment it does not fly it */
    public SeatMap localSeatMap(Segment.Key segment) {
        return parts.seatMaps().localSeatMap(segment);
    }

    /**
     * POST /comprar_cliente. A purchase that bought is applied to this server's images before it returns
     * (read-your-writes, docs/availability.md). @throws InvalidRequest a path not in the network or not flown by the named airline
     */
    public PurchaseOutcome purchase(PurchaseOrder order) {
        AirlineImages images = parts.images();
        List<Integer> before = order.legs().stream().map(leg -> images.freeSeats(leg.airline().value(), leg.segment())).toList();
        PurchaseOutcome outcome = parts.purchases().purchase(order);
        if (outcome instanceof PurchaseOutcome.Bought) {
            for (int i = 0; i < before.size(); i++) {
                PurchaseOrder.Leg leg = order.legs().get(i);
                images.ownWrites().sold(leg.airline().value(), leg.segment(), before.get(i), order.passengers().size());
            }
        }
        listener.purchaseFinished(outcome);
        return outcome;
    }

    /** GET /passagens_cliente: every airline's bookings for the CPF, gathered in parallel. */
    public TicketSearch tickets(Cpf cpf) {
        return parts.tickets().tickets(cpf);
    }

    /** GET /passagens_servidor: the bookings this airline knows in full, and its own sold legs, for a CPF. */
    public AirlineTickets localTickets(Cpf cpf) {
        return parts.tickets().localTickets(cpf);
    }

    /** POST /cancelar_cliente. @throws NotFound no such booking for that CPF */
    public CancelOutcome cancel(Cpf cpf, String reference) {
        CancelOutcome outcome = parts.cancellations().cancel(cpf, reference);
        if (outcome instanceof CancelOutcome.Cancelled cancelled) {
            AirlineImages images = parts.images();
            for (BookedLeg leg : cancelled.booking().legs()) {
                Segment.Key segment = leg.segment().key();
                images.ownWrites().freed(leg.airline(), segment, images.freeSeats(leg.airline(), segment), leg.seats().size());
            }
        }
        listener.cancellationFinished(outcome);
        return outcome;
    }

    /**
     * This airline as participant: POST /comprar_servidor ({@link Participant#prepare}), /confirmar_servidor
     * ({@link Participant#commit}) and /rollback ({@link Participant#abort}).
     */
    public Participant participant() {
        return parts.participant();
    }

    /** GET /decisao_servidor (as coordinator). Unknown ids are presumed aborted, and recorded so. */
    public Decision decision(TxnId txnId) {
        return parts.decisions().decision(txnId);
    }

    /** From now on {@code listener} hears how purchases and cancellations end, and of every store commit (metrics). */
    public void observe(NodeListener listener) {
        this.listener = listener;
        parts.store().observe(listener);
    }

    /** What is unfinished here, without asking any peer (metrics read it on every scrape). */
    public Backlog backlog() {
        return parts.health().backlog();
    }

    /** This airline's availability feed, which peers subscribe to (GET /disponibilidade_servidor). */
    public AvailabilityPublisher availabilityFeed() {
        return parts.images().publisher();
    }

    /** Every airline's availability as this server holds it, its own included (audits compare them with the airlines' counters). */
    public Map<String, AvailabilityImage> availabilityImages() {
        return parts.images().images();
    }

    /** Ends every subscriber's feed stream (the server stops them before it drains its requests). */
    public void stopFeeds() {
        parts.images().close();
    }

    /** GET /saude. */
    public Health health() {
        return parts.health().health();
    }

    /** Stops the background threads and closes the store. In-flight requests should be drained first (the server does). */
    @Override
    public void close() {
        parts.images().close();
        parts.lease().close();
        parts.holdResolver().close();
        parts.delivery().close();
        parts.localCalls().shutdown();
        try {
            parts.localCalls().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        parts.store().close();
    }

    /** The parts, for the test-side view ({@code NodeInspection}) and in-memory federations. */
    NodeParts parts() {
        return parts;
    }

    /** This airline as {@code sender} reaches it (in-memory federations: what a signed call from {@code sender} would do). */
    AirlinePort portFrom(String sender) {
        return new LocalAirlinePort(this, parts.localCalls(), parts.config().peerTimeout(), sender);
    }
}
