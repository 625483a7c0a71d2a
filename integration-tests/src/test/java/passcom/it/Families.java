package passcom.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Purchase bodies with passengers and chosen seats, as a client sends them to /comprar_cliente. */
final class Families {

    private Families() {
    }

    /** One passenger of a body: {"cpf": …, "assentos": [seat per leg, null = any]} (no assentos when {@code seats} is empty). */
    static Map<String, Object> passenger(String cpf, Integer... seats) {
        Map<String, Object> passenger = new LinkedHashMap<>();
        passenger.put("cpf", cpf);
        if (seats.length > 0) {
            passenger.put("assentos", java.util.Arrays.asList(seats));
        }
        return passenger;
    }

    /** {@code size} passengers with the CPFs {@code Buyers.cpf(first)}, {@code Buyers.cpf(first + 1)}, …, no seat chosen. */
    static List<Map<String, Object>> family(int first, int size) {
        List<Map<String, Object>> passengers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            passengers.add(passenger(Buyers.cpf(first + i)));
        }
        return passengers;
    }

    static Map<String, Object> body(List<Map<String, Object>> passengers, List<String> airlines, List<String> cities, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caminho", List.of(airlines, cities));
        body.put("passageiros", passengers);
        if (requestId != null) {
            body.put("id_pedido", requestId);
        }
        return body;
    }

    static Http.Reply buy(URI server, List<Map<String, Object>> passengers, List<String> airlines, List<String> cities) {
        return Http.post(server, "/comprar_cliente", body(passengers, airlines, cities, null));
    }

    /** Seat numbers of a bought booking's leg {@code leg}, one per passenger in order. */
    static List<Integer> seats(Http.Reply bought, int leg) {
        List<Integer> seats = new ArrayList<>();
        for (JsonNode passenger : bought.json().path("passagem").path("passageiros")) {
            seats.add(passenger.path("assentos").get(leg).asInt());
        }
        return seats;
    }
}
