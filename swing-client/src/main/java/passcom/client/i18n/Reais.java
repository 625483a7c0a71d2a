package passcom.client.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Money and distances in the interface language. Prices are always in reais, but the digits are grouped as
 * the reader expects: in Portuguese "R$ 1.023,50" (with a no-break space, so the symbol never wraps away
 * from the amount) and "1.234 km"; in English "R$1,023.50" and "1,234 km", because an English reader takes
 * "2.460 km" for two and a half kilometres.
 */
public final class Reais {

    private static final Currency REAL = Currency.getInstance("BRL");

    private Reais() {
    }

    public static String format(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Messages.locale());
        format.setCurrency(REAL);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    public static String km(long kilometres) {
        return NumberFormat.getIntegerInstance(Messages.locale()).format(kilometres) + "\u00a0km";
    }
}
