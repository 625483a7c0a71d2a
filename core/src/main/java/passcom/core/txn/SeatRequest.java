package passcom.core.txn;

/**
 * What one passenger asks for on one leg: any seat (the lowest free one) or a chosen seat number. The number is
 * checked against the leg's capacity by the coordinator (400) and again by the participant under its lock.
 */
public sealed interface SeatRequest {

    /** The lowest free seat, as the airline picks it. */
    record Any() implements SeatRequest {
    }

    /** Seat {@code number} (1..capacity of the leg, when it is valid). */
    record Chosen(int number) implements SeatRequest {
    }

    SeatRequest ANY = new Any();

    /** The wire's form: {@code null} asks for any seat, a number chooses it. */
    static SeatRequest of(Integer number) {
        return number == null ? ANY : new Chosen(number);
    }

    /** Back to the wire's form: null for any seat. */
    static Integer toWire(SeatRequest request) {
        return request instanceof Chosen chosen ? chosen.number() : null;
    }
}
