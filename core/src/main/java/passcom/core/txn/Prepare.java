package passcom.core.txn;

import java.util.List;
import java.util.Objects;
import passcom.core.cpf.Cpf;
import passcom.core.route.Segment;

/**
 * Phase-one message to one airline: for a PURCHASE, hold a seat on each of {@code legs} for every one of
 * {@code passengers} under {@code txnId} (the seat each chose, or the lowest free); for a CANCELLATION, mark
 * this airline's sold seats of booking {@code reference} (every passenger's on every leg) so nobody else
 * cancels them. {@code coordinator} is the airline to ask for the decision.
 */
public record Prepare(TxnId txnId, String coordinator, TxnKind kind, String reference, List<Segment.Key> legs,
                      List<Seating> passengers) {

    /**
     * One passenger of the prepare: the CPF the seats are held for, and what they ask for on each leg of this
     * airline, in the order of {@code legs} (an empty list: any seat everywhere).
     */
    public record Seating(Cpf cpf, List<SeatRequest> seats) {
        public Seating {
            Objects.requireNonNull(cpf, "cpf");
            seats = List.copyOf(seats);
        }

        /** What this passenger asks for on leg {@code index} of the prepare. */
        public SeatRequest seatOn(int index) {
            return seats.isEmpty() ? SeatRequest.ANY : seats.get(index);
        }
    }

    public Prepare {
        legs = List.copyOf(legs);
        passengers = List.copyOf(passengers);
        if (passengers.isEmpty()) {
            throw new IllegalArgumentException("a prepare needs at least one passenger");
        }
        for (Seating seating : passengers) {
            if (!seating.seats().isEmpty() && seating.seats().size() != legs.size()) {
                throw new IllegalArgumentException("passenger " + seating.cpf() + " names " + seating.seats().size()
                        + " seat(s) for " + legs.size() + " leg(s)");
            }
        }
    }

    /** One passenger, no seat chosen: the original prepare. */
    public Prepare(TxnId txnId, String coordinator, TxnKind kind, Cpf cpf, String reference, List<Segment.Key> legs) {
        this(txnId, coordinator, kind, reference, legs, List.of(new Seating(cpf, List.of())));
    }

    /** The first passenger's CPF (the only one in the original protocol). */
    public Cpf cpf() {
        return passengers.get(0).cpf();
    }

    /** Seats a complete purchase vote holds: one per passenger per leg. */
    int seatsWanted() {
        return legs.size() * passengers.size();
    }
}
