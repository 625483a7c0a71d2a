package passcom.client.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Money and distances as a Brazilian reads them, whatever the interface language: prices are in reais, so
 * they always look like "R$ 1.023,50" (with a no-break space, so the symbol never wraps away from the
 * amount), distances like "1.234 km".
 */
public final class Reais {

    private static final Locale BRAZIL = Locale.forLanguageTag("pt-BR");

    private Reais() {
    }

    public static String format(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(BRAZIL);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    public static String km(long kilometres) {
        return NumberFormat.getIntegerInstance(BRAZIL).format(kilometres) + "\u00a0km";
    }
}
