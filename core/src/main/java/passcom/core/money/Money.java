package passcom.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of Brazilian reais, exact to the cent. Never a float or a double: prices are summed leg by
 * leg and compared for ordering, so a rounding error would reorder itineraries or misstate a total.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /** Parses "115", "115.5" or "115.50"; rejects more than two decimals rather than rounding silently. */
    public static Money of(String amount) {
        return of(new BigDecimal(amount));
    }

    public static Money of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("more than two decimals: " + amount.toPlainString());
        }
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    /** The price of flying {@code km} at this rate per 100 km, rounded half-up to the cent. */
    public Money forDistance(int km) {
        return new Money(amount.multiply(BigDecimal.valueOf(km)).divide(HUNDRED, 2, RoundingMode.HALF_UP));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    /** Scale is always 2, so JSON shows "1023.50", not "1023.5". */
    public BigDecimal toBigDecimal() {
        return amount;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
