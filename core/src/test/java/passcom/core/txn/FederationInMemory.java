package passcom.core.txn;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import passcom.core.cpf.Cpf;
import passcom.core.route.RouteNetwork;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.store.Store;
import passcom.core.time.Sleeper;
import passcom.core.time.Ticker;

/**
 * Airline nodes in one JVM, each on its own SQLite store in a temporary folder, wired to each other directly (no HTTP), for testing the
 * protocol logic. Each link can be cut, which makes that airline unreachable to every other one.
 */
final class FederationInMemory implements AutoCloseable {

    final Map<String, AirlineNode> nodes = new LinkedHashMap<>();
    final Map<String, AtomicBoolean> reachable = new LinkedHashMap<>();
    /** How many more COMMITs to each airline throw at once, before any future exists (a port that breaks synchronously). */
    final Map<String, AtomicInteger> commitsThatThrow = new LinkedHashMap<>();
    /** Phase-two messages sent over a link, as "COMMIT B" or "ABORT C" (target airline), for tests of who is told what. */
    final List<String> phaseTwoSent = new CopyOnWriteArrayList<>();
    /** Rewrites each prepare to an airline before it arrives (e.g. as an older version would read it); identity by default. */
    final Map<String, java.util.function.UnaryOperator<Prepare>> prepareAsReceived = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Everything that crosses a link, in order, as "prepare A→B", "vote B→A", "commit A→B", "ack B→A",
     * "abort A→B"; instrumented stores add their own entries (see DurabilityOrderTest).
     */
    final List<String> events = new CopyOnWriteArrayList<>();

    /**
     * Appends to {@link #events} under its monitor, the lock an instrumented store holds from a write's start
     * until it has logged that write durable (DurabilityOrderTest): a message sent once that write commits (the
     * delivery thread sees the decision's outbox row then) is therefore logged after it, not in between.
     */
    void log(String event) {
        synchronized (events) {
            events.add(event);
        }
    }
    private final java.nio.file.Path folder;
    /** Every feed subscription open over a link, by the airline it streams from, so an outage can end them. */
    private final Map<String, List<Runnable>> openFeeds = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code airline} goes down as a crashed server does for its peers: every call to it fails and every feed
     * streaming from it ends (peers reconnect on their own and get through again after {@link #up}).
     */
    void down(String airline) {
        reachable.get(airline).set(false);
        List<Runnable> ends = openFeeds.getOrDefault(airline, List.of());
        ends.forEach(Runnable::run);
        ends.clear();
    }

    void up(String airline) {
        reachable.get(airline).set(true);
    }

    FederationInMemory(RouteNetwork network, List<String> airlines, Duration staleHold) {
        this(network, airlines, staleHold, config -> config, (airline, store, events) -> store);
    }

    /**
     * With each node's config adjusted by {@code configure} (e.g. a reference generator that repeats) and
     * its store wrapped by {@code wrap} (e.g. to record when each write is durable).
     */
    FederationInMemory(RouteNetwork network, List<String> airlines, Duration staleHold,
                       java.util.function.UnaryOperator<NodeConfig> configure,
                       StoreWrapper wrap) {
        this(network, airlines, staleHold, configure, wrap, Ticker.system(), Sleeper.system());
    }

    /** ... with every node waiting and timing out on {@code ticker} and {@code sleeper} (tests move time instead of sleeping). */
    FederationInMemory(RouteNetwork network, List<String> airlines, Duration staleHold,
                       java.util.function.UnaryOperator<NodeConfig> configure,
                       StoreWrapper wrap, Ticker ticker, Sleeper sleeper) {
        try {
            folder = java.nio.file.Files.createTempDirectory("passcom-federation-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        airlines.forEach(a -> reachable.put(a, new AtomicBoolean(true)));
        airlines.forEach(a -> commitsThatThrow.put(a, new AtomicInteger()));
        for (String airline : airlines) {
            Map<String, AirlinePort> peers = new LinkedHashMap<>();
            airlines.stream().filter(p -> !p.equals(airline)).forEach(p -> peers.put(p, new Link(airline, p)));
            NodeConfig config = configure.apply(new NodeConfig(airline, network, "jdbc:sqlite:" + folder.resolve(airline + ".db"),
                    Duration.ofSeconds(2), Duration.ofSeconds(1), staleHold, Duration.ofMillis(50), Clock.systemUTC()));
            Store store = wrap.wrap(airline, Store.open(config.jdbcUrl(), AirlineNode.storeDeadline(config)), events);
            nodes.put(airline, AirlineNode.start(config, peers, store, ticker, sleeper));
        }
    }

    /** Wraps an airline's store, e.g. to log into {@code events} when each write is durable. */
    interface StoreWrapper {
        Store wrap(String airline, Store store, List<String> events);
    }

    /** An airline's store, for setting up states no API call produces. */
    Store store(String airline) {
        return NodeInspection.of(nodes.get(airline)).store();
    }

    AirlineNode node(String airline) {
        return nodes.get(airline);
    }

    /** A port to another node of this federation that fails like a dead peer while cut. */
    private final class Link implements AirlinePort {
        private final String source;
        private final String target;

        Link(String source, String target) {
            this.source = source;
            this.target = target;
        }

        /** Records {@code what} as sent now and its answer when it arrives. */
        private <T> CompletableFuture<T> traced(String what, String answer, CompletableFuture<T> call) {
            return call.whenComplete((value, failure) -> {
                if (failure == null) {
                    log(answer + " " + target + "→" + source);
                }
            });
        }

        private AirlinePort port() {
            if (!reachable.get(target).get()) {
                throw new AirlineUnreachable(target, "link cut by the test");
            }
            return nodes.get(target).portFrom(source);
        }

        private <T> CompletableFuture<T> via(java.util.function.Function<AirlinePort, CompletableFuture<T>> call) {
            try {
                return call.apply(port());
            } catch (AirlineUnreachable e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override public String airline() { return target; }
        @Override public CompletableFuture<AirlinePaths> paths(String o, String d) { return via(p -> p.paths(o, d)); }
        @Override public CompletableFuture<Vote> prepare(Prepare prepare) {
            log("prepare " + source + "→" + target);
            Prepare received = prepareAsReceived.getOrDefault(target, java.util.function.UnaryOperator.identity()).apply(prepare);
            return traced("prepare", "vote", via(p -> p.prepare(received)));
        }
        @Override public CompletableFuture<Void> commit(Commit commit) {
            if (commitsThatThrow.get(target).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("port broke before sending (test)");
            }
            phaseTwoSent.add("COMMIT " + target);
            log("commit " + source + "→" + target);
            return traced("commit", "ack", via(p -> p.commit(commit)));
        }
        /** A pass's COMMITs to one airline in one call, as the HTTP port batches them (each logged as sent). */
        @Override public java.util.List<CompletableFuture<Void>> commitAll(java.util.List<Commit> commits) {
            if (commits.size() == 1 || commitsThatThrow.get(target).get() > 0) {
                return AirlinePort.super.commitAll(commits);
            }
            for (int i = 0; i < commits.size(); i++) {
                phaseTwoSent.add("COMMIT " + target);
                log("commit " + source + "→" + target);
            }
            try {
                return port().commitAll(commits).stream().map(answer -> traced("commit", "ack", answer)).toList();
            } catch (AirlineUnreachable e) {
                return commits.stream().map(c -> CompletableFuture.<Void>failedFuture(e)).toList();
            }
        }
        @Override public CompletableFuture<Void> abort(TxnId txnId) {
            phaseTwoSent.add("ABORT " + target);
            log("abort " + source + "→" + target);
            return traced("abort", "ack", via(p -> p.abort(txnId)));
        }
        @Override public CompletableFuture<Decision> decision(TxnId txnId) { return via(p -> p.decision(txnId)); }
        @Override public passcom.core.availability.FeedConnection availability(passcom.core.availability.FeedSink sink) {
            if (!reachable.get(target).get()) {
                sink.ended(new AirlineUnreachable(target, "link cut by the test"));
                return () -> { };
            }
            passcom.core.availability.FeedConnection connection = nodes.get(target).portFrom(source).availability(sink);
            openFeeds.computeIfAbsent(target, t -> new CopyOnWriteArrayList<>()).add(() -> {
                connection.close();
                sink.ended(new AirlineUnreachable(target, "went down (test)"));
            });
            return connection;
        }
        @Override public CompletableFuture<Void> ping() { return via(AirlinePort::ping); }
        @Override public CompletableFuture<AirlineTickets> tickets(Cpf cpf) { return via(p -> p.tickets(cpf)); }
        @Override public CompletableFuture<passcom.core.seat.SeatMap> seatMap(passcom.core.route.Segment.Key segment) {
            return via(p -> p.seatMap(segment));
        }
    }

    @Override
    public void close() {
        nodes.values().forEach(AirlineNode::close);
        try (var files = java.nio.file.Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
