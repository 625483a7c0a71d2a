package passcom.core.txn;

import java.util.List;
import java.util.Map;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.route.Segment;
import passcom.core.seat.SeatAvailability;
import passcom.core.seat.SeatInventory;
import passcom.core.store.Store;

/**
 * What tests read of a running {@link AirlineNode} and no customer or operator needs: the seats per state (from
 * the counters and recounted from the rows), every sold seat, every booking copy, and the coordinator's contended
 * retries. The invariant checks (docs/purchase-protocol.md, "Invariants the tests check") compare these.
 * Reads only; the node keeps serving meanwhile.
 */
public final class NodeInspection {

    private final AirlineNode node;

    private NodeInspection(AirlineNode node) {
        this.node = node;
    }

    public static NodeInspection of(AirlineNode node) {
        return new NodeInspection(node);
    }

    /** Seats per state on each segment this airline flies, from the counters. */
    public Map<Segment.Key, SeatInventory.Count> seatCounts() {
        return availability().counts();
    }

    /** Seats per state counted from the seat rows, to check against the counters. */
    public Map<Segment.Key, SeatInventory.Count> recountSeats() {
        return availability().recount();
    }

    /** Every sold seat: they must be exactly the active bookings' legs. */
    public List<SeatAvailability.SoldSeat> soldSeats() {
        return availability().allSoldSeats();
    }

    /** Every ACTIVE booking this airline keeps a copy of. */
    public List<Booking> knownBookings() {
        return new BookingStore(store()).allActive();
    }

    /** Purchase attempts this coordinator retried because a seat was contended, since start. */
    public long contendedRetries() {
        return node.parts().purchases().contendedRetries();
    }

    /** The store, for tests that set up states no API call produces. */
    public Store store() {
        return node.parts().store();
    }

    private SeatAvailability availability() {
        return node.parts().availability();
    }
}
