package passcom.core.seat;

import java.util.Objects;
import passcom.core.route.Segment;

/** One seat of one airline's segment: what a customer chose, and what a refusal names when it was taken. */
public record SeatOnLeg(String airline, Segment.Key segment, int seat) {
    public SeatOnLeg {
        Objects.requireNonNull(airline, "airline");
        Objects.requireNonNull(segment, "segment");
    }

    @Override
    public String toString() {
        return "assento " + seat + " de " + segment + " (companhia " + airline + ")";
    }
}
