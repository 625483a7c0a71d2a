package passcom.core.route;

import java.util.Objects;
import passcom.core.money.Money;

/** One leg of an itinerary: a segment flown by one airline at that airline's price for its distance. */
public record Leg(Segment segment, String airline, Money price) {
    public Leg {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(airline, "airline");
        Objects.requireNonNull(price, "price");
    }
}
