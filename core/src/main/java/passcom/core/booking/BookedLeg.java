package passcom.core.booking;

import passcom.core.money.Money;
import passcom.core.route.Segment;

/** A leg of a booking: the segment, the airline that flies it, the seat number it assigned (1..capacity), the price. */
public record BookedLeg(Segment segment, String airline, int seat, Money price) {
}
