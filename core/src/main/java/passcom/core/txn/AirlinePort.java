package passcom.core.txn;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import passcom.core.availability.FeedConnection;
import passcom.core.availability.FeedSink;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;
import passcom.core.route.plan.AirlinePaths;
import passcom.core.seat.SeatMap;

/**
 * How one airline of the federation is reached, the local one included. Core owns this port;
 * server-webapp implements it over signed HTTP for peers, and {@link LocalAirlinePort} calls this
 * process's own airline directly.
 *
 * <p>Every method returns at once; the future fails with {@link AirlineUnreachable} when the airline
 * cannot be reached or does not answer in time. Every message is idempotent by transaction id: sending
 * one twice has the effect of sending it once, and gets the same answer.
 */
public interface AirlinePort {

    /** The airline's id, e.g. "A". */
    String airline();

    /** Its best loopless paths from origin to destination over segments with a free seat (the /caminhos_servidor answer). */
    CompletableFuture<AirlinePaths> paths(String origin, String destination);

    /** Phase one: durably hold (or mark for cancellation) this airline's legs for the transaction, or refuse. */
    CompletableFuture<Vote> prepare(Prepare prepare);

    /** Phase two, COMMIT: holds become sold legs (purchase) or sold legs become free seats (cancellation). */
    CompletableFuture<Void> commit(Commit commit);

    /**
     * Several COMMITs to this airline at once, one future per commit in the same order, each completing as
     * {@link #commit} would. A port may carry them in one message (the HTTP port does: one request and one
     * store write at the participant instead of one each); this default sends them one by one.
     */
    default List<CompletableFuture<Void>> commitAll(List<Commit> commits) {
        return commits.stream().map(this::commit).toList();
    }

    /** Phase two, ABORT: release whatever the transaction holds; unknown transactions are remembered as aborted. */
    CompletableFuture<Void> abort(TxnId txnId);

    /** Asked of a transaction's coordinator by a participant that holds seats and has not heard the decision. */
    CompletableFuture<Decision> decision(TxnId txnId);

    /** Completes when the airline answers at all (health checks). */
    CompletableFuture<Void> ping();

    /**
     * The seat map of a segment this airline flies (the /assentos_servidor answer); fails with
     * {@link passcom.core.route.UnknownSegment} when it does not fly it.
     */
    CompletableFuture<SeatMap> seatMap(Segment.Key segment);

    /**
     * Subscribes to the airline's availability feed (docs/availability.md): {@code sink} gets a snapshot, then each
     * change and a heartbeat when nothing changes, until the connection is closed or ends. Returns at once.
     */
    FeedConnection availability(FeedSink sink);

    /** The bookings this airline knows for a CPF, and its own sold legs (the /passagens_servidor answer). */
    CompletableFuture<AirlineTickets> tickets(Cpf cpf);
}
