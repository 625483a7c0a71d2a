package passcom.client.purchase;

import java.util.List;
import passcom.api.Passagem;
import passcom.api.Rota;
import passcom.api.TrechoPassagem;
import passcom.api.TrechoRota;
import passcom.client.i18n.Messages;
import passcom.client.i18n.Reais;
import passcom.client.map.AirlineColors;

/** An itinerary or a ticket as an HTML table for dialogs: one row per leg, then the total. */
public final class ItineraryText {

    private ItineraryText() {
    }

    public static String route(Rota route) {
        StringBuilder html = new StringBuilder("<table cellpadding='3'>");
        for (TrechoRota leg : route.trechos()) {
            row(html, leg.origem() + " → " + leg.destino(), leg.companhia(), Reais.km(leg.distanciaKm()), Reais.format(leg.preco()));
        }
        total(html, Reais.km(route.distanciaKm()), Reais.format(route.preco()));
        return html.append("</table>").toString();
    }

    public static String ticket(Passagem ticket) {
        StringBuilder html = new StringBuilder("<table cellpadding='3'>");
        for (TrechoPassagem leg : ticket.trechos()) {
            row(html, leg.origem() + " → " + leg.destino(), leg.companhia(),
                    Reais.km(leg.distanciaKm()), Messages.get("ticket.seat", leg.assento()), Reais.format(leg.preco()));
        }
        total(html, Reais.km(ticket.distanciaKm()), "", Reais.format(ticket.valor()));
        return html.append("</table>").toString();
    }

    /** "Cuiabá → Goiânia → Belo Horizonte" */
    public static String cities(List<TrechoPassagem> legs) {
        if (legs.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(legs.get(0).origem());
        legs.forEach(leg -> text.append(" → ").append(leg.destino()));
        return text.toString();
    }

    /** One leg: cities, airline in its colour, then right-aligned cells (km, the seat on a ticket, price). */
    private static void row(StringBuilder html, String cities, String airline, String... cells) {
        html.append("<tr><td>").append(escape(cities)).append("</td><td><b><font color='")
                .append(String.format("#%06x", AirlineColors.of(airline).getRGB() & 0xFFFFFF)).append("'>")
                .append(escape(Messages.get("map.airline", airline))).append("</font></b></td>");
        for (String cell : cells) {
            html.append("<td align='right'>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>");
    }

    /** The total row, its cells under the legs' cells. */
    private static void total(StringBuilder html, String... cells) {
        html.append("<tr><td colspan='2'><b>").append(escape(Messages.get("purchase.total"))).append("</b></td>");
        for (String cell : cells) {
            html.append("<td align='right'><b>").append(escape(cell)).append("</b></td>");
        }
        html.append("</tr>");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
