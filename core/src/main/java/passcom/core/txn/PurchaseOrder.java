package passcom.core.txn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import passcom.core.cpf.Cpf;

/**
 * A customer's purchase request: its passengers (1 to 9, checked by the coordinator), the airline of each leg
 * and the cities, as the route search offered them, and an optional idempotency key ({@code requestId}) under
 * which a retry returns the first outcome.
 */
public record PurchaseOrder(List<Traveller> passengers, List<String> airlines, List<String> cities, String requestId) {

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

    /** The original order: one passenger, the airlines pick the seats. */
    public PurchaseOrder(Cpf cpf, List<String> airlines, List<String> cities, String requestId) {
        this(List.of(new Traveller(Objects.requireNonNull(cpf, "cpf"))), airlines, cities, requestId);
    }

    /** The first passenger's CPF: who the transaction is recorded under (a retry with the same id must match it). */
    public Cpf cpf() {
        return passengers.get(0).cpf();
    }
}
