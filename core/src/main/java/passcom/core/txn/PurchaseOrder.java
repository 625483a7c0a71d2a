package passcom.core.txn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import passcom.core.cpf.Cpf;

/**
 * A customer's purchase request: its passengers (1 to 9, checked by the coordinator), the airline of each leg
 * and the cities, as the route search offered them, an optional idempotency key ({@code requestId}) under
 * which a retry returns the first outcome, and the buying account's CPF ({@code buyer}: null for a guest),
 * recorded with the selling airline's copy of the booking.
 */
public record PurchaseOrder(List<Traveller> passengers, List<String> airlines, List<String> cities, String requestId, Cpf buyer) {

    /**
     * One passenger: CPF, name (optional, may be null) and the seat chosen on each leg in order, where
     * {@link Prepare#ANY_SEAT} asks for the lowest free seat; an empty list chooses none.
     */
    public record Traveller(Cpf cpf, String name, List<Integer> seats) {
        public Traveller {
            Objects.requireNonNull(cpf, "cpf");
            seats = List.copyOf(seats);
        }

        public Traveller(Cpf cpf) {
            this(cpf, null, List.of());
        }

        /** With seats chosen, one per leg; {@link Prepare#ANY_SEAT} for a leg where none is. */
        public static Traveller seated(Cpf cpf, Integer... seats) {
            return new Traveller(cpf, null, Arrays.asList(seats));
        }

        /** The seat chosen on leg {@code index}, or {@link Prepare#ANY_SEAT}. */
        public int seatOn(int index) {
            return seats.isEmpty() ? Prepare.ANY_SEAT : seats.get(index);
        }
    }

    public PurchaseOrder {
        passengers = List.copyOf(passengers);
        airlines = List.copyOf(airlines);
        cities = List.copyOf(cities);
    }

    /** A guest's order. */
    public PurchaseOrder(List<Traveller> passengers, List<String> airlines, List<String> cities, String requestId) {
        this(passengers, airlines, cities, requestId, null);
    }

    /** The same order, bought by the account of {@code account}. */
    public PurchaseOrder boughtBy(Cpf account) {
        return new PurchaseOrder(passengers, airlines, cities, requestId, account);
    }

    /** The original order: one passenger, the airlines pick the seats. */
    public PurchaseOrder(Cpf cpf, List<String> airlines, List<String> cities, String requestId) {
        this(List.of(new Traveller(Objects.requireNonNull(cpf, "cpf"))), airlines, cities, requestId);
    }

    /** The first passenger's CPF: who the transaction is recorded under (a retry with the same id must match it). */
    public Cpf cpf() {
        return passengers.get(0).cpf();
    }
}
