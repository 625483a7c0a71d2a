package passcom.it.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;

/**
 * One customer's purchase and what the customer was told. Only a 200 is "bought"; 409 and 503 are a definite
 * "nothing was bought"; a refused connection means the request never reached a server. Anything else (a reset
 * connection, a timeout, a 500 from a dying server) leaves the outcome unknown to the customer: the booking may
 * or may not exist, but never in part.
 */
record Attempt(String cpf, Itinerary itinerary, String via, Outcome outcome, String detail, JsonNode passagem) {

    enum Outcome {
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

    record Itinerary(List<String> airlines, List<String> cities) {
        @Override
        public String toString() {
            return airlines + " " + String.join(" → ", cities);
        }
    }

    static Attempt make(URI server, String via, String cpf, Itinerary itinerary) {
        try {
            Customer.Reply reply = Customer.buy(server, cpf, itinerary.airlines(), itinerary.cities());
            String detail = reply.status() + " " + reply.json().path("erro").asText(reply.json().path("resultado").asText());
            JsonNode passagem = reply.json().path("passagem");
            Outcome outcome = switch (reply.status()) {
                case 200 -> passagem.path("localizador").asText().isEmpty() ? Outcome.UNEXPECTED : Outcome.ACKNOWLEDGED;
                case 409, 503 -> Outcome.REFUSED;
                case 500, 502, 504 -> Outcome.UNKNOWN;
                default -> Outcome.UNEXPECTED;
            };
            return new Attempt(cpf, itinerary, via, outcome, detail, passagem);
        } catch (ConnectException e) {
            return new Attempt(cpf, itinerary, via, Outcome.NOT_DELIVERED, e.toString(), null);
        } catch (IOException e) {
            return new Attempt(cpf, itinerary, via, Outcome.UNKNOWN, e.toString(), null);
        }
    }
}
