package passcom.core.txn;

import java.util.List;
import java.util.Objects;
import passcom.core.cpf.Cpf;

/**
 * A customer's purchase request: the airline of each leg and the cities, as the route search offered them,
 * and an optional idempotency key ({@code requestId}) under which a retry returns the first outcome.
 */
public record PurchaseOrder(Cpf cpf, List<String> airlines, List<String> cities, String requestId) {
    public PurchaseOrder {
        Objects.requireNonNull(cpf, "cpf");
        airlines = List.copyOf(airlines);
        cities = List.copyOf(cities);
    }
}
