package passcom.it.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;

/**
 * One customer's purchase and what the customer was told. Only a 200 is "bought"; 409 and 503 are a definite
 * "nothing was bought"; a refused connection means the request never reached a server. Anything else (a reset
 * connection, a timeout, a 500 from a dying server, a 409 saying the order is still being processed) leaves the
 * outcome unknown to the customer: the booking may or may not exist, but never in part. {@code status} is the HTTP
 * status (-1 without one), {@code startNanos} the {@link System#nanoTime} the request was sent at, and
 * {@code elapsedMillis} how long the customer waited.
 */
public record Attempt(String cpf, Itinerary itinerary, String via, String requestId, Outcome outcome, int status, String detail,
               JsonNode passagem, long startNanos, long elapsedMillis) {

    public enum Outcome {
        /** 200 with a booking reference: must be listed in full forever after. */
        ACKNOWLEDGED,
        /** 409 or 503: must have bought nothing. */
        REFUSED,
        /** The TCP connection was refused, so no server saw the request: must have bought nothing. */
        NOT_DELIVERED,
        /** No definite answer: either listed in full or nothing sold. */
        UNKNOWN,
        /** A status the contract does not allow for a valid order (e.g. 400): the test's or the server's bug. */
        UNEXPECTED
    }

    public record Itinerary(List<String> airlines, List<String> cities) {
        @Override
        public String toString() {
            return airlines + " " + String.join(" → ", cities);
        }

        boolean involves(String airline) {
            return airlines.contains(airline);
        }
    }

    /** A purchase with {@code id_pedido} "p-" + cpf: one order per customer, so a repeat is the same order. */
    public static Attempt make(URI server, String via, String cpf, Itinerary itinerary) {
        return make(server, via, cpf, itinerary, "p-" + cpf);
    }

    static Attempt make(URI server, String via, String cpf, Itinerary itinerary, String requestId) {
        long start = System.nanoTime();
        try {
            Customer.Reply reply = Customer.buy(server, cpf, itinerary.airlines(), itinerary.cities(), requestId);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            String detail = reply.status() + " " + reply.json().path("erro").asText(reply.json().path("resultado").asText());
            JsonNode passagem = reply.json().path("passagem");
            boolean stillRunning = !reply.json().path("id_pedido").asText().isEmpty();
            Outcome outcome = switch (reply.status()) {
                case 200 -> passagem.path("localizador").asText().isEmpty() ? Outcome.UNEXPECTED : Outcome.ACKNOWLEDGED;
                case 409 -> stillRunning ? Outcome.UNKNOWN : Outcome.REFUSED;
                case 503 -> Outcome.REFUSED;
                case 500, 502, 504 -> Outcome.UNKNOWN;
                default -> Outcome.UNEXPECTED;
            };
            return new Attempt(cpf, itinerary, via, requestId, outcome, reply.status(), detail, passagem, start, elapsed);
        } catch (ConnectException e) {
            return new Attempt(cpf, itinerary, via, requestId, Outcome.NOT_DELIVERED, -1, e.toString(), null, start,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Attempt(cpf, itinerary, via, requestId, Outcome.UNKNOWN, -1, e.toString(), null, start,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The same order sent again, with the same {@code id_pedido}, to the same server: its recorded outcome, or a purchase now. */
    Attempt repeat(URI server) {
        return make(server, via, cpf, itinerary, requestId);
    }
}
