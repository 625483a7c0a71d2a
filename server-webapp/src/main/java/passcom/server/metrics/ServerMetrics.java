package passcom.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import passcom.core.txn.AirlineNode;
import passcom.core.txn.Backlog;
import passcom.core.txn.CancelOutcome;
import passcom.core.txn.NodeListener;
import passcom.core.txn.PurchaseOutcome;

/**
 * One airline server's metrics, in one Prometheus registry (Micrometer). Every metric is described in
 * docs/operations.md; the names below are what Prometheus sees once Micrometer adds its suffixes
 * ({@code _total}, {@code _seconds}, {@code _bucket}).
 *
 * <ul>
 *   <li>{@code passcom_http_requests_seconds{endpoint,method,status}}: every request, with a latency histogram
 *       ({@link RequestMetricsFilter});</li>
 *   <li>{@code passcom_purchases_total{outcome}} (committed, sold_out, seat_taken, unreachable, not_bought, in_progress) and
 *       {@code passcom_cancellations_total{outcome}} (committed, refused, unreachable): what this airline
 *       coordinated, counted by core's {@link NodeListener} hook;</li>
 *   <li>{@code passcom_holds_open}, {@code passcom_transactions_undecided}, {@code passcom_transactions_prepared},
 *       {@code passcom_decisions_undelivered}: read from the node at each scrape;</li>
 *   <li>{@code passcom_peer_up{peer}}: 1 when the peer answered a ping at the last scrape (see {@link PeerProbe});</li>
 *   <li>{@code passcom_store_commit_seconds} and {@code passcom_store_batch_writes}: each durable commit's
 *       latency and how many writes its one fsync carried;</li>
 *   <li>{@code passcom_refusals_total{reason}}: customer requests refused by the accounts' rules (issue 16):
 *       {@code rate_login}, {@code rate_cadastro}, {@code rate_lookup}, {@code rate_general}, {@code rate_token} (429, per
 *       client address), {@code login} (401 at /login), {@code token} (401 elsewhere); and {@code passcom_accounts_locked},
 *       accounts whose home is here locked right now after too many wrong passwords;</li>
 *   <li>JVM (memory, GC, threads, classes) and process (CPU, uptime, open files) metrics.</li>
 * </ul>
 *
 * <p>Thread-safe: the listener methods run on request threads and the store's writer thread.
 */
public final class ServerMetrics implements NodeListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final List<String> KNOWN_METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH");
    /** By path, for the server's own paths; anything else is counted as "other", so no caller can grow the label set. */
    private final Map<String, EndpointTimers> requestTimers;
    private final EndpointTimers otherEndpoint = new EndpointTimers("other");
    private final Timer storeCommits;
    private final DistributionSummary batchWrites;
    /** Whether {@link #bindProcessMeters} ran; written under this object's lock. */
    private boolean processMetersBound;

    public ServerMetrics(String airline, Set<String> endpoints) {
        Map<String, EndpointTimers> timers = new HashMap<>();
        endpoints.forEach(path -> timers.put(path, new EndpointTimers(path)));
        this.requestTimers = Map.copyOf(timers);
        registry.config().commonTags("airline", airline);
        storeCommits = Timer.builder("passcom.store.commit")
                .description("Time from the start of a store transaction to its durable (fsynced) commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        batchWrites = DistributionSummary.builder("passcom.store.batch.writes")
                .description("Writes made durable by one commit (one fsync): SQLite's group commit batch size; 1 on PostgreSQL")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(registry);
        for (String outcome : new String[] {"committed", "sold_out", "seat_taken", "unreachable", "not_bought", "in_progress"}) {
            purchases(outcome);
        }
        for (String outcome : new String[] {"committed", "refused", "unreachable"}) {
            cancellations(outcome);
        }
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, Counter.builder("passcom.refusals").description("Customer requests refused by the access rules, by reason")
                    .tag("reason", refusal.label).register(registry));
        }
        Gauge.builder("passcom.accounts.locked", this, m -> m.lockedAccounts.getAsLong())
                .description("Accounts whose home is this airline, locked now after too many wrong passwords in a row")
                .strongReference(true).register(registry);
    }

    /** Why a customer request was refused (the reason label of passcom_refusals_total). */
    public enum Refusal {
        RATE_LOGIN("rate_login"), RATE_CADASTRO("rate_cadastro"), RATE_LOOKUP("rate_lookup"), RATE_GENERAL("rate_general"),
        RATE_TOKEN("rate_token"),
        LOGIN("login"), TOKEN("token");

        final String label;

        Refusal(String label) {
            this.label = label;
        }
    }

    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    private volatile LongSupplier lockedAccounts = () -> 0;

    public void refused(Refusal refusal) {
        refusals.get(refusal).increment();
    }

    /** From now on {@code passcom_accounts_locked} reads {@code locked} at each scrape. */
    public void watchLockedAccounts(LongSupplier locked) {
        this.lockedAccounts = locked;
    }

    /** The gauges that read the running node: its backlog at each scrape, and its peers through {@code probe}. */
    public void watch(AirlineNode node, PeerProbe probe) {
        Snapshot snapshot = new Snapshot(node);
        Gauge.builder("passcom.holds.open", snapshot, s -> s.get().heldSeats())
                .description("Seats held right now by purchases still deciding").strongReference(true).register(registry);
        Gauge.builder("passcom.transactions.undecided", snapshot, s -> s.get().undecidedTransactions())
                .description("Transactions this airline coordinates that have no decision yet").strongReference(true).register(registry);
        Gauge.builder("passcom.transactions.prepared", snapshot, s -> s.get().preparedAwaitingDecision())
                .description("Transactions this airline prepared as participant and still waits to hear the decision of").strongReference(true).register(registry);
        Gauge.builder("passcom.decisions.undelivered", snapshot, s -> s.get().undeliveredDecisions())
                .description("Decisions (commit or abort) not yet acknowledged by a participant").strongReference(true).register(registry);
        for (String peer : probe.peers()) {
            Gauge.builder("passcom.peer.up", probe, p -> p.isUp(peer) ? 1 : 0)
                    .description("1 when the peer airline answered a ping at the last scrape, else 0")
                    .tag("peer", peer).strongReference(true).register(registry);
        }
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        bindProcessMeters();
        return registry.scrape();
    }

    /**
     * The JVM's and the process's meters, bound at the first scrape rather than at start: binding them reads the
     * platform MXBeans and was 8 % of a server's start-up CPU (docs/PERFORMANCE.md, "Start-up and the JVM"), spent
     * before the first answer for meters nobody reads until a scraper comes. The one difference a scraper sees:
     * {@code jvm_gc_pause_seconds} counts the collections from the first scrape on, not those of the start.
     */
    private synchronized void bindProcessMeters() {
        if (processMetersBound) {
            return;
        }
        processMetersBound = true;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    void request(String path, String method, int status, long nanos) {
        EndpointTimers timers = requestTimers.get(path);
        (timers == null ? otherEndpoint : timers).of(method, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * One endpoint's request timers, each built and registered once per (method, status), then found by a scan of
     * the few statuses seen for that method: building a meter on every request (tag sorting, id hashing, the
     * registry's lookup) cost more than the route query it measured once the answer was memoised, and so did
     * hashing a (endpoint, method, status) record for a map. The method is whatever the client sent, so it is
     * counted as "other" unless it is one of {@link #KNOWN_METHODS}.
     */
    private final class EndpointTimers {
        private final String endpoint;
        /** Per method slot, the timers by status: copied on write, so a reader scans a published array without a lock. */
        private final AtomicReferenceArray<StatusTimer[]> byMethod = new AtomicReferenceArray<>(KNOWN_METHODS.size() + 1);

        EndpointTimers(String endpoint) {
            this.endpoint = endpoint;
            for (int i = 0; i < byMethod.length(); i++) {
                byMethod.set(i, new StatusTimer[0]);
            }
        }

        Timer of(String method, int status) {
            int methodIndex = KNOWN_METHODS.indexOf(method);
            int slot = methodIndex < 0 ? KNOWN_METHODS.size() : methodIndex;
            for (StatusTimer known : byMethod.get(slot)) {
                if (known.status() == status) {
                    return known.timer();
                }
            }
            return add(slot, methodIndex < 0 ? "other" : method, status);
        }

        private synchronized Timer add(int slot, String method, int status) {
            StatusTimer[] known = byMethod.get(slot);
            for (StatusTimer timer : known) {
                if (timer.status() == status) {
                    return timer.timer();
                }
            }
            StatusTimer[] grown = Arrays.copyOf(known, known.length + 1);
            grown[known.length] = new StatusTimer(status, requestTimer(endpoint, method, String.valueOf(status)));
            byMethod.set(slot, grown);
            return grown[known.length].timer();
        }
    }

    private record StatusTimer(int status, Timer timer) {
    }

    private Timer requestTimer(String endpoint, String method, String status) {
        return Timer.builder("passcom.http.requests")
                .description("HTTP requests by endpoint, method and status")
                .tags("endpoint", endpoint, "method", method, "status", status)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** The tag of each kind of purchase outcome (records are final, so the class names the kind). */
    static final Map<Class<?>, String> PURCHASE_OUTCOMES = Map.of(
            PurchaseOutcome.Bought.class, "committed",
            PurchaseOutcome.SoldOut.class, "sold_out",
            PurchaseOutcome.SeatTaken.class, "seat_taken",
            PurchaseOutcome.Unreachable.class, "unreachable",
            PurchaseOutcome.NotBought.class, "not_bought",
            PurchaseOutcome.InProgress.class, "in_progress");

    /** The tag of each kind of cancellation outcome. */
    static final Map<Class<?>, String> CANCEL_OUTCOMES = Map.of(
            CancelOutcome.Cancelled.class, "committed",
            CancelOutcome.Refused.class, "refused",
            CancelOutcome.Unreachable.class, "unreachable");

    /** An outcome added to core but not to the maps above is still counted, as "other", never dropped. */
    @Override
    public void purchaseFinished(PurchaseOutcome outcome) {
        purchases(PURCHASE_OUTCOMES.getOrDefault(outcome.getClass(), "other")).increment();
    }

    @Override
    public void cancellationFinished(CancelOutcome outcome) {
        cancellations(CANCEL_OUTCOMES.getOrDefault(outcome.getClass(), "other")).increment();
    }

    @Override
    public void committed(int writes, long nanos) {
        storeCommits.record(nanos, TimeUnit.NANOSECONDS);
        batchWrites.record(writes);
    }

    private Counter purchases(String outcome) {
        return Counter.builder("passcom.purchases").description("Purchases this airline coordinated, by how they ended")
                .tag("outcome", outcome).register(registry);
    }

    private Counter cancellations(String outcome) {
        return Counter.builder("passcom.cancellations").description("Cancellations this airline coordinated, by how they ended")
                .tag("outcome", outcome).register(registry);
    }

    /** The node's backlog, read once per scrape for all four gauges (they are read one after another). */
    private static final class Snapshot {
        private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
        private final AirlineNode node;
        private Backlog last;
        private long readAt;

        Snapshot(AirlineNode node) {
            this.node = node;
        }

        synchronized Backlog get() {
            long now = System.nanoTime();
            if (last == null || now - readAt > FRESH_NANOS) {
                last = node.backlog();
                readAt = now;
            }
            return last;
        }
    }
}
