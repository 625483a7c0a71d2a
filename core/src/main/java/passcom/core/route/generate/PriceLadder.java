package passcom.core.route.generate;

import passcom.core.money.Money;

/**
 * The prices per 100 km airlines get when no network file names them: the original network's R$ 115, 135 and
 * 155 for the first three, then R$ 20 more for each next one (the 26th, Z, at R$ 615). Used by the generated
 * networks and by airlines added to a network file ({@link NewAirlines}), so both agree on D's price.
 */
public final class PriceLadder {

    private static final long FIRST_CENTS = 11_500;
    private static final long STEP_CENTS = 2_000;

    private PriceLadder() {
    }

    /** The price of the airline at {@code position} (0 for the first) in the federation's list. */
    public static Money priceOf(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("an airline's position is never negative, got " + position);
        }
        return Money.ofCents(FIRST_CENTS + STEP_CENTS * position);
    }
}
