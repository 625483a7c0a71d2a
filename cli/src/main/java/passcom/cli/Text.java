package passcom.cli;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import passcom.api.TrechoPassagem;
import passcom.api.TrechoRota;

/** pt-BR formatting of money, distances, itineraries and plain tables. */
final class Text {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private Text() {
    }

    static String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getCurrencyInstance(PT_BR);
        return format.format(value).replace('\u00a0', ' ');
    }

    static String km(int distance) {
        return NumberFormat.getIntegerInstance(PT_BR).format(distance) + " km";
    }

    /** São Paulo —A→ Curitiba —B→ Porto Alegre */
    static String itinerary(List<TrechoRota> legs) {
        StringBuilder text = new StringBuilder(legs.get(0).origem());
        legs.forEach(leg -> text.append(" —").append(leg.companhia()).append("→ ").append(leg.destino()));
        return text.toString();
    }

    static String bookedItinerary(List<TrechoPassagem> legs) {
        StringBuilder text = new StringBuilder(legs.get(0).origem());
        legs.forEach(leg -> text.append(" —").append(leg.companhia()).append("→ ").append(leg.destino()));
        return text.toString();
    }

    /** Left-aligned columns, except those listed in {@code right}; two spaces between columns. */
    static String table(List<String> header, List<List<String>> rows, int... right) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(' ').append(isRight(i, right) ? pad + cell : cell + pad).append(' ');
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static boolean isRight(int column, int[] right) {
        for (int r : right) {
            if (r == column) {
                return true;
            }
        }
        return false;
    }
}
