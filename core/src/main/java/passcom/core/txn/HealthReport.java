package passcom.core.txn;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import passcom.core.route.Segment;
import passcom.core.seat.SeatAvailability;
import passcom.core.seat.SeatInventory;
import passcom.core.store.Store;

/** What is unfinished here ({@link Backlog}, for metrics) and GET /saude ({@link Health}, which also pings the peers). */
final class HealthReport {

    private final Federation federation;
    private final Store store;
    private final SeatAvailability availability;
    private final Participant participant;
    private final DecisionDelivery delivery;

    HealthReport(Federation federation, Store store, SeatAvailability availability, Participant participant, DecisionDelivery delivery) {
        this.federation = federation;
        this.store = store;
        this.availability = availability;
        this.participant = participant;
        this.delivery = delivery;
    }

    /** Without asking any peer: metrics read it on every scrape. */
    Backlog backlog() {
        long held = availability.counts().values().stream().mapToLong(SeatInventory.Count::held).sum();
        long undecided = store.read(CoordinatorLog::countStarted);
        return new Backlog(held, undecided, participant.preparedCount(), delivery.pending());
    }

    Health health() {
        Map<String, CompletableFuture<Void>> pings = new TreeMap<>();
        federation.ports().forEach((id, port) -> {
            if (!id.equals(federation.self())) {
                pings.put(id, port.ping().orTimeout(1, TimeUnit.SECONDS));
            }
        });
        Map<String, Boolean> peers = new TreeMap<>();
        pings.forEach((id, ping) -> peers.put(id, succeeded(ping, 1500)));
        Map<Segment.Key, SeatInventory.Count> counts = availability.counts();
        long held = counts.values().stream().mapToLong(SeatInventory.Count::held).sum();
        long sold = counts.values().stream().mapToLong(SeatInventory.Count::sold).sum();
        long started = store.read(CoordinatorLog::countStarted);
        long pending = started + delivery.pending() + participant.preparedCount();
        return new Health(federation.self(), peers, held, pending, sold, participant.conflictingDecisions());
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
}
