package passcom.server.peer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import passcom.core.booking.BookedLeg;
import passcom.core.booking.Booking;
import passcom.core.booking.Passenger;
import passcom.core.cpf.Cpf;
import passcom.core.money.Money;
import passcom.core.route.Segment;
import passcom.server.http.MalformedRequest;

/**
 * A booking as it travels between airlines (in {@link CommitMessage} and {@link TicketsMessage}): the peer wire's
 * own record, so the customer's {@code Passagem} can change without breaking a federation, and the other way round.
 *
 * <p>Its JSON is the one the peers sent before it existed, when the customer's record travelled here: the same names
 * ({@code localizador}, {@code cpf}, {@code trechos} with {@code origem}, {@code destino}, {@code companhia},
 * {@code assento}, {@code distancia_km}, {@code preco}; {@code distancia_km}, {@code valor}, {@code comprada_em},
 * {@code vendida_por}, {@code passageiros} with {@code cpf}, {@code nome}, {@code assentos}), so older and newer
 * servers still commit to each other. A booking without {@code passageiros} (from a server before families) has one
 * passenger, {@code cpf}, seated as its legs say. The totals are sent for older peers and never read: each side sums
 * the legs.
 */
public record BookingMessage(String localizador, String cpf, List<LegMessage> trechos, int distanciaKm, BigDecimal valor,
                             Instant compradaEm, String vendidaPor, List<PassengerMessage> passageiros) {

    /** One leg with the first passenger's seat (the original one-passenger field) and the price of one seat. */
    public record LegMessage(String origem, String destino, String companhia, int assento, int distanciaKm, BigDecimal preco) {

        public static LegMessage of(BookedLeg leg) {
            return new LegMessage(leg.segment().origin(), leg.segment().destination(), leg.airline(), leg.seat(),
                    leg.segment().km(), leg.price().toBigDecimal());
        }

        public BookedLeg toBookedLeg() {
            try {
                Segment segment = new Segment(MalformedRequest.require(origem, "origem"), MalformedRequest.require(destino, "destino"), distanciaKm);
                return new BookedLeg(segment, MalformedRequest.require(companhia, "companhia"), assento,
                        Money.of(MalformedRequest.require(preco, "preco")));
            } catch (IllegalArgumentException e) {
                throw new MalformedRequest("Trecho inválido: " + e.getMessage());
            }
        }
    }

    /** One passenger with a seat per leg, in the legs' order. */
    public record PassengerMessage(String cpf, String nome, List<Integer> assentos) {
    }

    public static BookingMessage of(Booking booking) {
        List<PassengerMessage> passengers = new ArrayList<>();
        for (int p = 0; p < booking.passengers().size(); p++) {
            Passenger passenger = booking.passengers().get(p);
            passengers.add(new PassengerMessage(passenger.cpf().formatted(), passenger.name(), booking.seatsOf(p)));
        }
        return new BookingMessage(booking.reference(), booking.cpf().formatted(), booking.legs().stream().map(LegMessage::of).toList(),
                booking.km(), booking.price().toBigDecimal(), booking.purchasedAt(), booking.soldBy(), passengers);
    }

    public Booking toBooking() {
        MalformedRequest.require(trechos, "trechos");
        List<BookedLeg> legs = trechos.stream().map(leg -> MalformedRequest.require(leg, "trechos").toBookedLeg()).toList();
        String reference = MalformedRequest.require(localizador, "localizador");
        Instant purchasedAt = MalformedRequest.require(compradaEm, "comprada_em");
        if (passageiros == null || passageiros.isEmpty()) {
            return new Booking(reference, Cpf.parse(cpf), legs, purchasedAt, vendidaPor);
        }
        List<Passenger> passengers = new ArrayList<>();
        List<List<Integer>> seats = new ArrayList<>();
        legs.forEach(leg -> seats.add(new ArrayList<>()));
        for (PassengerMessage passenger : passageiros) {
            MalformedRequest.require(passenger, "passageiros");
            passengers.add(new Passenger(Cpf.parse(passenger.cpf()), passenger.nome()));
            List<Integer> assentos = MalformedRequest.require(passenger.assentos(), "assentos");
            if (assentos.size() != legs.size() || assentos.contains(null)) {
                throw new MalformedRequest("Cada passageiro da passagem tem um assento por trecho");
            }
            for (int i = 0; i < legs.size(); i++) {
                seats.get(i).add(assentos.get(i));
            }
        }
        try {
            List<BookedLeg> seated = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                BookedLeg leg = legs.get(i);
                seated.add(new BookedLeg(leg.segment(), leg.airline(), seats.get(i), leg.price()));
            }
            return new Booking(reference, passengers, seated, purchasedAt, vendidaPor);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest("Passagem inválida: " + e.getMessage());
        }
    }
}
