package passcom.core.txn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import passcom.core.booking.Booking;
import passcom.core.booking.BookingStore;
import passcom.core.money.Money;
import passcom.core.route.Airline;
import passcom.core.route.RouteNetwork;
import passcom.core.route.Segment;
import passcom.core.seat.SeatInventory;
import passcom.core.seat.SeatOnLeg;
import passcom.core.seat.SeatState;

/**
 * A purchase's effects: phase one holds a seat per passenger on each of this airline's legs (the chosen ones
 * first, then the lowest free), COMMIT sells them and keeps the booking copy, ABORT gives them back
 * (docs/purchase-protocol.md, "Participant" and storage.md, "Seats").
 */
final class PurchaseEffects implements TxnEffects {

    private final String airline;
    private final RouteNetwork network;
    private final Airline me;
    private final SeatInventory seats;
    private final BookingStore bookings;

    PurchaseEffects(String airline, RouteNetwork network, SeatInventory seats, BookingStore bookings) {
        this.airline = airline;
        this.network = network;
        this.me = network.airline(airline).orElseThrow();
        this.seats = seats;
        this.bookings = bookings;
    }

    @Override
    public TxnKind kind() {
        return TxnKind.PURCHASE;
    }

    /**
     * Locks every leg's segment (PostgreSQL; in key order), checks that each leg has a free seat for every
     * passenger and that every chosen seat is free, and only then holds them: with the segments locked (or the
     * single SQLite writer running) nobody can take a seat in between, so a refusal has changed nothing and
     * every hold succeeds. On each leg the chosen seats are held first, then the lowest free ones for the
     * passengers who chose none.
     */
    @Override
    public Vote prepare(Connection c, Prepare prepare) throws SQLException {
        for (Segment.Key leg : prepare.legs()) {
            // A leg this airline does not fly is the sender's mistake (a 400 it can read), not a sold-out seat.
            FlownSegments.require(network, Set.of(airline), leg.origin(), leg.destination(), airline);
        }
        seats.lock(c, new LinkedHashSet<>(prepare.legs()));
        for (int i = 0; i < prepare.legs().size(); i++) {
            Vote.Refused refused = refusal(c, prepare, i);
            if (refused != null) {
                return refused;
            }
        }
        List<Vote.HeldLeg> held = new ArrayList<>();
        for (int i = 0; i < prepare.legs().size(); i++) {
            Segment.Key leg = prepare.legs().get(i);
            Integer[] onLeg = new Integer[prepare.passengers().size()];
            for (int p = 0; p < onLeg.length; p++) {
                Prepare.Seating passenger = prepare.passengers().get(p);
                if (passenger.seatOn(i) instanceof SeatRequest.Chosen chosen) {
                    seats.holdChosen(c, leg, chosen.number(), prepare.txnId().value(), prepare.reference(), passenger.cpf().digits());
                    onLeg[p] = chosen.number();
                }
            }
            for (int p = 0; p < onLeg.length; p++) {
                if (onLeg[p] == null) {
                    OptionalInt seat = seats.hold(c, leg, prepare.txnId().value(), prepare.reference(), prepare.passengers().get(p).cpf().digits());
                    onLeg[p] = seat.orElseThrow(() -> new IllegalStateException("a free seat of " + leg + " vanished under its lock"));
                }
            }
            held.add(new Vote.HeldLeg(List.of(onLeg), price(leg)));
        }
        return new Vote.Held(held);
    }

    /**
     * Why leg {@code index} cannot seat the prepare's passengers now, or null when it can. Too few free seats is
     * contended while enough are merely held (they may come back), else sold out; a chosen seat sold is taken
     * for good, one held by a purchase still deciding is contended.
     */
    private Vote.Refused refusal(Connection c, Prepare prepare, int index) throws SQLException {
        Segment.Key leg = prepare.legs().get(index);
        int wanted = prepare.passengers().size();
        SeatInventory.Stock stock = seats.stock(c, leg).orElse(new SeatInventory.Stock(0, 0, 0));
        Set<Integer> chosen = new HashSet<>();
        for (Prepare.Seating passenger : prepare.passengers()) {
            if (!(passenger.seatOn(index) instanceof SeatRequest.Chosen request)) {
                continue;
            }
            int number = request.number();
            SeatOnLeg seat = new SeatOnLeg(airline, leg, number);
            if (number < 1 || number > stock.capacity() || !chosen.add(number)) {
                return new Vote.Refused(AbortReason.SEAT_TAKEN, "o " + seat + " não existe ou foi pedido duas vezes", seat);
            }
            SeatState state = seats.stateOf(c, leg, number);
            if (state == SeatState.SOLD) {
                return new Vote.Refused(AbortReason.SEAT_TAKEN, "o " + seat + " já foi vendido; escolha outro", seat);
            }
            if (state == SeatState.HELD) {
                return new Vote.Refused(AbortReason.CONTENDED, "o " + seat + " está reservado por outra compra em andamento", seat);
            }
        }
        if (stock.free() >= wanted) {
            return null;
        }
        String reason = wanted == 1
                ? "sem assento livre em " + leg + " (companhia " + airline + ")"
                : "sem " + wanted + " assentos livres em " + leg + " (companhia " + airline + "; livres: " + stock.free() + ")";
        return new Vote.Refused(stock.capacity() - stock.sold() >= wanted ? AbortReason.CONTENDED : AbortReason.SOLD_OUT, reason);
    }

    @Override
    public Vote replayPrepared(Connection c, Prepare prepare) throws SQLException {
        List<Vote.HeldLeg> held = new ArrayList<>();
        for (Segment.Key leg : prepare.legs()) {
            List<Integer> onLeg = new ArrayList<>();
            for (Prepare.Seating passenger : prepare.passengers()) {
                seats.seatOf(c, leg, prepare.txnId().value(), passenger.cpf().digits()).ifPresent(onLeg::add);
            }
            held.add(new Vote.HeldLeg(onLeg, price(leg)));
        }
        return new Vote.Held(held);
    }

    private Money price(Segment.Key leg) {
        return me.pricePer100Km().forDistance(network.segment(leg.origin(), leg.destination()).orElseThrow().km());
    }

    @Override
    public void commitSeats(Connection c, TxnId txnId) throws SQLException {
        seats.sell(c, txnId.value());
    }

    @Override
    public void recordBooking(Connection c, Booking booking, TxnId txnId) throws SQLException {
        bookings.save(c, booking, txnId.value());
    }

    @Override
    public boolean waitsForContendedSeats() {
        return true;
    }

    @Override
    public boolean claimsReference() {
        return true;
    }

    @Override
    public boolean isComplete(Vote.Held vote, Prepare prepare) {
        return vote.holdsAll(prepare.legs().size(), prepare.passengers().size());
    }

    @Override
    public CrashPoints.Point afterVotes() {
        return CrashPoints.Point.AFTER_HOLDS;
    }

    @Override
    public CrashPoints.Point afterDecision() {
        return CrashPoints.Point.AFTER_DECISION;
    }
}
