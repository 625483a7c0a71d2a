package passcom.core.txn;

import java.sql.Connection;
import java.sql.SQLException;
import passcom.core.booking.Booking;

/**
 * What a transaction does to this airline's seats and bookings, phase by phase: the only place where a purchase
 * and a cancellation differ, so that {@link Participant} and {@link TwoPhaseCommit} read as one protocol for
 * both (docs/purchase-protocol.md). {@link TxnKind} is only the name stored and sent; its effects are one of
 * these two types. Every method joins the caller's local transaction.
 */
sealed interface TxnEffects permits PurchaseEffects, CancellationEffects {

    TxnKind kind();

    /**
     * Phase one at this participant: the vote, with the seat change it needs made (and nothing changed when
     * it refuses, so a refusal needs no undo). The caller records the vote in the same local transaction.
     */
    Vote prepare(Connection c, Prepare prepare) throws SQLException;

    /** The vote a duplicate of a prepare this airline recorded PREPARED gets: the first one. */
    Vote replayPrepared(Connection c, Prepare prepare) throws SQLException;

    /** Phase two COMMIT at this participant: the seats move (sold, or given back). */
    void commitSeats(Connection c, TxnId txnId) throws SQLException;

    /** The booking copy at commit, at the coordinator and at every participant: kept, or marked cancelled. */
    void recordBooking(Connection c, Booking booking, TxnId txnId) throws SQLException;

    /** Whether a prepare may wait a little for seats held by transactions still deciding (a purchase's refusal may be contended). */
    boolean waitsForContendedSeats();

    /** Whether the transaction's booking reference must be new in this store (a purchase creates the booking). */
    boolean claimsReference();

    /** Whether a Held vote holds everything the prepare asked for (an older participant holds one seat per leg). */
    boolean isComplete(Vote.Held vote, Prepare prepare);

    /** Where the crash campaigns may kill the coordinator once every vote is in, and once the decision is durable. */
    CrashPoints.Point afterVotes();

    CrashPoints.Point afterDecision();
}
