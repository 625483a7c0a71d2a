package passcom.core.txn;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import passcom.core.availability.AirlineImages;
import passcom.core.availability.FeedSource;
import passcom.core.booking.BookingStore;
import passcom.core.money.Money;
import passcom.core.route.plan.LocalPathsCache;
import passcom.core.seat.SeatAvailability;
import passcom.core.seat.SeatChanges;
import passcom.core.seat.SeatInventory;
import passcom.core.store.Store;
import passcom.core.time.Sleeper;
import passcom.core.time.Ticker;

/**
 * Every collaborator of one {@link AirlineNode}, built in one place ({@link #assemble}), so the node itself only
 * starts, answers and stops. Which thread runs what: docs/purchase-protocol.md, "Threads". {@code store} is the store
 * as opened (the node observes and closes it; tests write behind the parts' back through it); the parts themselves
 * write through {@link SeatChanges#tracking} of it.
 */
record NodeParts(
        NodeConfig config,
        Store store,
        ExecutorService localCalls,
        SeatInventory seats,
        SeatAvailability availability,
        Participant participant,
        Federation federation,
        DecisionDelivery delivery,
        HoldResolver holdResolver,
        Recovery recovery,
        LeaseTask lease,
        PurchaseCoordinator purchases,
        CancellationCoordinator cancellations,
        AirlineImages images,
        RouteSearchHandler routes,
        SeatMapHandler seatMaps,
        TicketsHandler tickets,
        DecisionQueryHandler decisions,
        HealthReport health) {

    /** Calls from this airline's coordinator to its own participant, at most this many at once. */
    private static final int LOCAL_CALLS = 16;

    /**
     * Wires the parts of {@code node}; nothing starts yet. {@code peers} are the other airlines' ports (this
     * airline's own, if present, is replaced by a {@link LocalAirlinePort} to {@code node}). Every part writes
     * through one store that tells the availability feed which segments' free seats each commit changed.
     */
    static NodeParts assemble(AirlineNode node, NodeConfig config, Map<String, AirlinePort> peers, Store opened, Ticker ticker,
                              Sleeper sleeper) {
        String airline = config.airline();
        SeatChanges changes = new SeatChanges();
        Store store = changes.tracking(opened);
        // This process's coordinator instance: owns the transactions it starts while its lease lasts.
        String instance = UUID.randomUUID().toString();
        ExecutorService localCalls = boundedPool("local-" + airline, LOCAL_CALLS);
        SeatInventory seats = new SeatInventory(store.dialect(), changes);
        SeatAvailability availability = new SeatAvailability(store);
        BookingStore bookings = new BookingStore(store);
        PurchaseEffects purchaseEffects = new PurchaseEffects(airline, config.network(), seats, bookings);
        CancellationEffects cancellationEffects = new CancellationEffects(airline, seats, bookings);
        Participant participant = new Participant(airline, store, seats, purchaseEffects, cancellationEffects, config.clock(),
                ticker, sleeper, config.staleHold());

        Map<String, AirlinePort> ports = new TreeMap<>(peers);
        ports.put(airline, new LocalAirlinePort(node, localCalls, config.peerTimeout(), airline));
        Federation federation = new Federation(airline, ports, config.searchTimeout());

        DecisionDelivery delivery = new DecisionDelivery(store, bookings, federation.ports(), config.clock(), config.retryBackoff(), airline);
        HoldResolver holdResolver = new HoldResolver(participant, federation.ports(),
                Duration.ofMillis(Math.max(50, config.staleHold().toMillis() / 4)), airline);
        Recovery recovery = new Recovery(store, delivery, config.clock());
        LeaseTask lease = new LeaseTask(airline, instance, store, recovery, config.clock(), config.peerTimeout());

        TwoPhaseCommit twoPhaseCommit = new TwoPhaseCommit(airline, participant, store, federation.ports(), delivery, config.clock(),
                config.peerTimeout());
        PurchaseCoordinator purchases = new PurchaseCoordinator(airline, instance, config.network(), federation.ports().keySet(), store,
                bookings, twoPhaseCommit, purchaseEffects, config.references(), config.clock(), config.peerTimeout(), ticker, sleeper);
        TicketsHandler tickets = new TicketsHandler(config.network(), federation, store, bookings, availability);
        CancellationCoordinator cancellations = new CancellationCoordinator(airline, instance, store, twoPhaseCommit, cancellationEffects,
                tickets, config.clock());

        Money price = config.network().airline(airline).orElseThrow().pricePer100Km();
        LocalPathsCache localPaths = new LocalPathsCache(airline, price, config.network().segmentsFlownBy(airline),
                availability::segmentsWithFreeSeats, ticker::read, RouteSearchHandler.PATHS_PER_AIRLINE, config.clock().millis());
        Map<String, FeedSource> feeds = new TreeMap<>();
        peers.forEach((id, port) -> feeds.put(id, port::availability));
        AirlineImages images = new AirlineImages(airline, price, config.network(), availability::freeSeats, feeds, ticker, RouteSearchHandler.PATHS_PER_AIRLINE);
        changes.listen(images.publisher()::changed);
        images.onPeerStreaming((peer, downFor) -> {
            delivery.peerReturned(peer);
            holdResolver.peerReturned(peer, downFor);
        });
        RouteSearchHandler routes = new RouteSearchHandler(config.network(), federation, localPaths, images);
        SeatMapHandler seatMaps = new SeatMapHandler(config.network(), federation, availability, config.searchTimeout());
        DecisionQueryHandler decisions = new DecisionQueryHandler(store, bookings, config.clock());
        HealthReport health = new HealthReport(federation, store, availability, participant, delivery);
        return new NodeParts(config, opened, localCalls, seats, availability, participant, federation, delivery, holdResolver, recovery,
                lease, purchases, cancellations, images, routes, seatMaps, tickets, decisions, health);
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
