package passcom.client.api;

import java.util.Objects;
import passcom.api.Codigo;
import passcom.api.TrechoAssento;

/**
 * 409 with {@code assento_ocupado}: a seat the customer chose on {@link #seat()}'s leg was taken between the
 * seat map and the purchase. A definite refusal: nothing was bought, the other seats chosen are free again,
 * and the customer can choose another seat on a fresh map. A {@link SeatsUnavailable}, so a caller that only
 * knows "refused, nothing bought" still tells the truth.
 */
public final class SeatTaken extends SeatsUnavailable {

    private final TrechoAssento seat;

    public SeatTaken(String serverMessage, TrechoAssento seat) {
        super("seat taken: " + Objects.requireNonNull(seat, "seat"), serverMessage, Codigo.ASSENTO_OCUPADO);
        this.seat = seat;
    }

    /** The leg (origin, destination, airline) and the seat number that was taken. */
    public TrechoAssento seat() {
        return seat;
    }
}
