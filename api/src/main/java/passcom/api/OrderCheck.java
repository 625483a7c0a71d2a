package passcom.api;

import java.util.HashSet;
import java.util.List;

/**
 * The purchase order's limits and shape, once for the server and its clients (as {@link CpfCheck} is for the
 * CPF): the server refuses an order that breaks them with a 400 naming the field, and the clients catch the
 * same mistakes before anything is sent. What needs the network (a city or segment that exists, an airline
 * that flies it, a seat within the leg's capacity) only the server can check.
 */
public final class OrderCheck {

    /** Passengers of one purchase: one transaction, one booking, a seat per passenger on every leg. */
    public static final int MAX_PASSENGERS = 9;
    /** Characters of an {@code id_pedido}, the client's idempotency key. */
    public static final int MAX_REQUEST_ID = 100;
    /** Characters of a passenger's name (for the customer's eyes only; the CPF identifies). */
    public static final int MAX_NAME = 120;

    private OrderCheck() {
    }

    /**
     * Null when {@code caminho} is {@code [[one airline per leg], [cities]]}: at least two cities, one airline
     * fewer than cities, none blank and no city twice; else what is wrong, in words for the customer.
     */
    public static String caminhoProblem(List<List<String>> caminho) {
        if (caminho == null || caminho.size() != 2 || caminho.get(0) == null || caminho.get(1) == null
                || caminho.get(1).size() < 2 || caminho.get(0).size() != caminho.get(1).size() - 1
                || caminho.stream().flatMap(List::stream).anyMatch(s -> s == null || s.isBlank())) {
            return "O campo 'caminho' deve ser [[companhia de cada trecho], [cidades]], "
                    + "com uma companhia a menos que cidades, como [[\"A\"], [\"Cuiabá\", \"Goiânia\"]]";
        }
        if (new HashSet<>(caminho.get(1)).size() != caminho.get(1).size()) {
            return "o caminho passa duas vezes pela mesma cidade";
        }
        return null;
    }

    /** Null when {@code requestId} is absent or short enough, else what is wrong. */
    public static String requestIdProblem(String requestId) {
        return requestId != null && requestId.strip().length() > MAX_REQUEST_ID
                ? "O campo 'id_pedido' passa de " + MAX_REQUEST_ID + " caracteres"
                : null;
    }

    /** Null when an order may carry {@code passengers} passengers, else what is wrong. */
    public static String passengerCountProblem(int passengers) {
        if (passengers < 1) {
            return "informe pelo menos um passageiro";
        }
        return passengers > MAX_PASSENGERS
                ? "no máximo " + MAX_PASSENGERS + " passageiros por compra; o pedido tem " + passengers
                : null;
    }
}
