package passcom.core.txn;

import java.sql.Connection;
import java.sql.SQLException;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.seat.CancellationMarks;
import passcom.core.seat.SeatInventory;

/**
 * A cancellation's effects: phase one marks this airline's sold seats of the booking (every passenger's on every
 * leg of the prepare) so nobody else cancels them; COMMIT gives them back and marks the booking copy cancelled;
 * ABORT clears the marks. The airline that sold the booking takes part even with no leg: it votes on its copy
 * being active, so no airline goes on listing a cancelled booking.
 */
final class CancellationEffects implements TxnEffects {

    private final String airline;
    private final SeatInventory seats;
    private final CancellationMarks marks = new CancellationMarks();
    private final BookingStore bookings;

    CancellationEffects(String airline, SeatInventory seats, BookingStore bookings) {
        this.airline = airline;
        this.seats = seats;
        this.bookings = bookings;
    }

    @Override
    public TxnKind kind() {
        return TxnKind.CANCELLATION;
    }

    @Override
    public Vote prepare(Connection c, Prepare prepare) throws SQLException {
        if (prepare.legs().isEmpty()) {
            return bookings.isActive(c, prepare.reference())
                    ? Vote.Held.cancellation()
                    : new Vote.Refused(AbortReason.NOT_ACTIVE, "a passagem " + prepare.reference() + " não está ativa na companhia " + airline);
        }
        int marked = marks.mark(c, prepare.reference(), prepare.txnId().value(), prepare.seatsWanted());
        return marked == 0
                ? new Vote.Refused(AbortReason.NOT_ACTIVE, "a passagem " + prepare.reference() + " não está ativa na companhia "
                        + airline + " (já cancelada, em cancelamento ou ainda em processamento)")
                : Vote.Held.cancellation();
    }

    @Override
    public Vote replayPrepared(Connection c, Prepare prepare) {
        return Vote.Held.cancellation();
    }

    @Override
    public void commitSeats(Connection c, TxnId txnId) throws SQLException {
        seats.freeMarked(c, txnId.value());
    }

    @Override
    public void recordBooking(Connection c, Booking booking, TxnId txnId) throws SQLException {
        bookings.markCancelled(c, booking, txnId.value());
    }

    @Override
    public boolean waitsForContendedSeats() {
        return false;
    }

    @Override
    public boolean claimsReference() {
        return false;
    }

    @Override
    public boolean isComplete(Vote.Held vote, Prepare prepare) {
        return true;
    }

    @Override
    public CrashPoints.Point afterVotes() {
        return CrashPoints.Point.DURING_CANCELLATION;
    }

    @Override
    public CrashPoints.Point afterDecision() {
        return CrashPoints.Point.DURING_CANCELLATION;
    }
}
