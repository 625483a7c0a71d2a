package passcom.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import passcom.it.process.Attempt.Outcome;

/**
 * What the federation lists after a scenario has settled, audited against what each customer was told: every
 * acknowledged booking listed in full with the same seats, nothing listed for a definite "no", an unknown
 * outcome either listed in full or absent, each airline's sold count equal to its legs across the listed
 * bookings, no seat sold twice, and no airline having refused a contradicting COMMIT or ABORT
 * ({@code decisoes_conflitantes} 0). Every violation is collected, so one failure shows them all.
 */
public final class Books {

    private final Map<String, List<JsonNode>> listedByCpf = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();

    private Books() {
    }

    /** Reads every attempt's customer's bookings; call only once the cluster is quiet and every airline is up. */
    public static Books read(AirlineEndpoints cluster, List<Attempt> attempts) {
        Books books = new Books();
        List<String> airlines = cluster.airlines();
        for (int i = 0; i < attempts.size(); i++) {
            String cpf = attempts.get(i).cpf();
            Customer.Reply reply = Customer.tickets(cluster.uri(airlines.get(i % airlines.size())), cpf);
            assertThat(reply.status()).as("/passagens_cliente for %s: %s", cpf, reply.json()).isEqualTo(200);
            assertThat(reply.json().path("companhias_indisponiveis")).as("every airline answered for %s", cpf).isEmpty();
            List<JsonNode> listed = new ArrayList<>();
            reply.json().path("passagens").forEach(listed::add);
            books.listedByCpf.put(cpf, listed);
        }
        return books;
    }

    public int listedBookings() {
        return listedByCpf.values().stream().mapToInt(List::size).sum();
    }

    /** Legs listed on one airline's segment in one direction, across every booking read. */
    long listedLegsOn(String airline, String origin, String destination) {
        return listedByCpf.values().stream().flatMap(List::stream)
                .flatMap(booking -> StreamSupport.stream(booking.path("trechos").spliterator(), false))
                .filter(leg -> leg.path("companhia").asText().equals(airline) && leg.path("origem").asText().equals(origin)
                        && leg.path("destino").asText().equals(destination))
                .count();
    }

    /** Asserts every check of the class doc; the message lists each violation with the attempt behind it. */
    public void assertConsistent(AirlineEndpoints cluster, List<Attempt> attempts) {
        for (Attempt attempt : attempts) {
            checkAttempt(attempt, listedByCpf.getOrDefault(attempt.cpf(), List.of()));
        }
        checkSeatsSoldOnce();
        checkSoldCounts(cluster);
        assertThat(violations).as("the books disagree with what customers were told (%d violations)", violations.size())
                .isEmpty();
    }

    private void checkAttempt(Attempt attempt, List<JsonNode> listed) {
        if (listed.size() > 1) {
            violations.add("one purchase, " + listed.size() + " bookings listed: " + attempt + " listed " + listed);
            return;
        }
        JsonNode booking = listed.isEmpty() ? null : listed.get(0);
        switch (attempt.outcome()) {
            case ACKNOWLEDGED -> {
                if (booking == null) {
                    violations.add("acknowledged booking lost: " + attempt);
                } else if (!booking.path("localizador").asText().equals(attempt.passagem().path("localizador").asText())
                        || !legs(booking).equals(legs(attempt.passagem()))) {
                    violations.add("acknowledged booking listed differently: told " + attempt.passagem() + ", listed " + booking);
                }
            }
            case REFUSED, NOT_DELIVERED -> {
                if (booking != null) {
                    violations.add("customer told 'nothing bought' (" + attempt.outcome() + ") but a booking is listed: "
                            + attempt + " listed " + booking);
                }
            }
            case UNKNOWN -> {
                if (booking != null && !booking.path("trechos").isEmpty() && !flies(booking, attempt.itinerary())) {
                    violations.add("unknown-outcome purchase listed with other legs: " + attempt + " listed " + booking);
                }
            }
            case UNEXPECTED -> violations.add("a reply the contract does not allow: " + attempt);
        }
        if (booking != null && !flies(booking, attempt.itinerary())) {
            violations.add("booking not in full or not the itinerary ordered: " + attempt + " listed " + booking);
        }
    }

    /** The booking has exactly the ordered legs, in order, each with a seat. */
    private static boolean flies(JsonNode booking, Attempt.Itinerary itinerary) {
        JsonNode legs = booking.path("trechos");
        if (legs.size() != itinerary.airlines().size()) {
            return false;
        }
        for (int i = 0; i < legs.size(); i++) {
            JsonNode leg = legs.get(i);
            if (!leg.path("companhia").asText().equals(itinerary.airlines().get(i))
                    || !leg.path("origem").asText().equals(itinerary.cities().get(i))
                    || !leg.path("destino").asText().equals(itinerary.cities().get(i + 1))
                    || leg.path("assento").asInt(0) < 1) {
                return false;
            }
        }
        return true;
    }

    private static List<String> legs(JsonNode passagem) {
        List<String> legs = new ArrayList<>();
        passagem.path("trechos").forEach(leg -> legs.add(seatKey(leg)));
        return legs;
    }

    private static String seatKey(JsonNode leg) {
        return leg.path("companhia").asText() + " " + leg.path("origem").asText() + " → " + leg.path("destino").asText()
                + " #" + leg.path("assento").asInt();
    }

    private void checkSeatsSoldOnce() {
        Map<String, String> owner = new HashMap<>();
        listedByCpf.values().forEach(bookings -> bookings.forEach(booking -> booking.path("trechos").forEach(leg -> {
            String previous = owner.put(seatKey(leg), booking.path("localizador").asText());
            if (previous != null && !previous.equals(booking.path("localizador").asText())) {
                violations.add("seat sold twice: " + seatKey(leg) + " in " + previous + " and " + booking.path("localizador").asText());
            }
        })));
    }

    private void checkSoldCounts(AirlineEndpoints cluster) {
        Map<String, Long> listedLegs = new TreeMap<>();
        cluster.airlines().forEach(a -> listedLegs.put(a, 0L));
        listedByCpf.values().forEach(bookings -> bookings.forEach(booking -> booking.path("trechos")
                .forEach(leg -> listedLegs.merge(leg.path("companhia").asText(), 1L, Long::sum))));
        for (String airline : cluster.airlines()) {
            try {
                JsonNode health = Customer.health(cluster.uri(airline)).json();
                long conflicting = health.path("decisoes_conflitantes").asLong(-1);
                if (conflicting != 0) {
                    violations.add("airline " + airline + " refused " + conflicting + " phase-two message(s) that contradict its records ("
                            + health + "); its log has them at ERROR");
                }
                long sold = health.path("passagens_vendidas").asLong(-1);
                if (sold != listedLegs.get(airline)) {
                    violations.add("airline " + airline + " reports " + sold + " legs sold but the listed bookings have "
                            + listedLegs.get(airline) + " legs on it (" + health + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("/saude on " + airline, e);
            }
        }
    }
}
