package passcom.core.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import passcom.core.cpf.Cpf;
import passcom.core.route.AirlineId;
import passcom.core.route.Segment;

/**
 * A customer's purchase request, typed at the edge: its passengers (1 to {@link passcom.api.OrderCheck#MAX_PASSENGERS},
 * checked by the coordinator), its legs in order (each a segment and the airline that flies it, as the route search
 * offered them), and an optional idempotency key ({@code requestId}, null when none) under which a retry returns the
 * first outcome. Whether the legs exist and chain is checked by the coordinator against the network. {@code buyer}
 * is the buying account's CPF (issue 16; null for a guest), recorded with the selling airline's copy of the booking.
 */
public record PurchaseOrder(List<Traveller> passengers, List<Leg> legs, RequestId requestId, Cpf buyer) {

    /** One leg of the itinerary: a segment and the airline it is bought from. */
    public record Leg(Segment.Key segment, AirlineId airline) {
        public Leg {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(airline, "airline");
        }
    }

    /**
     * One passenger: CPF, name (optional, may be null) and what they ask for on each leg in order; an empty list
     * asks for any seat everywhere.
     */
    public record Traveller(Cpf cpf, String name, List<SeatRequest> seats) {
        public Traveller {
            Objects.requireNonNull(cpf, "cpf");
            seats = List.copyOf(seats);
        }

        public Traveller(Cpf cpf) {
            this(cpf, null, List.of());
        }

        /** With seats chosen, one per leg; null for a leg where any seat will do. */
        public static Traveller seated(Cpf cpf, Integer... seats) {
            return new Traveller(cpf, null, Arrays.stream(seats).map(SeatRequest::of).toList());
        }

        /** What this passenger asks for on leg {@code index}. */
        public SeatRequest seatOn(int index) {
            return seats.isEmpty() ? SeatRequest.ANY : seats.get(index);
        }
    }

    public PurchaseOrder {
        passengers = List.copyOf(passengers);
        legs = List.copyOf(legs);
    }

    /** A guest's order. */
    public PurchaseOrder(List<Traveller> passengers, List<Leg> legs, RequestId requestId) {
        this(passengers, legs, requestId, null);
    }

    /** The same order, bought by the account of {@code account}. */
    public PurchaseOrder boughtBy(Cpf account) {
        return new PurchaseOrder(passengers, legs, requestId, account);
    }

    /** The original order: one passenger, the airlines pick the seats. */
    public PurchaseOrder(Cpf cpf, List<Leg> legs, RequestId requestId) {
        this(List.of(new Traveller(Objects.requireNonNull(cpf, "cpf"))), legs, requestId);
    }

    /**
     * The legs of the API's {@code caminho}: airline {@code i} flies city {@code i} to city {@code i + 1}. The shape
     * ({@link passcom.api.OrderCheck#caminhoProblem}) is checked first. @throws IllegalArgumentException one airline
     * more or fewer than legs
     */
    public static List<Leg> legs(List<String> airlines, List<String> cities) {
        if (cities.size() < 2 || airlines.size() != cities.size() - 1) {
            throw new IllegalArgumentException(airlines.size() + " airline(s) for " + cities.size() + " cities");
        }
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i < airlines.size(); i++) {
            legs.add(new Leg(new Segment.Key(cities.get(i), cities.get(i + 1)), new AirlineId(airlines.get(i))));
        }
        return legs;
    }

    /** The first passenger's CPF: who the transaction is recorded under (a retry with the same id must match it). */
    public Cpf cpf() {
        return passengers.get(0).cpf();
    }

    /** The cities in order, for the logs ("São Paulo→Curitiba"). */
    public List<String> cities() {
        List<String> cities = new ArrayList<>();
        legs.forEach(leg -> {
            if (cities.isEmpty()) {
                cities.add(leg.segment().origin());
            }
            cities.add(leg.segment().destination());
        });
        return cities;
    }
}
