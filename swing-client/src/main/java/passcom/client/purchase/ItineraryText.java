package passcom.client.purchase;

import java.util.List;
import passcom.api.CpfCheck;
import passcom.api.Passageiro;
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

    /**
     * A booking's legs. With one passenger each leg shows its seat; with several the legs show the price per
     * passenger, the total is the whole booking's, and {@link #passengers} lists everyone's seats.
     */
    public static String ticket(Passagem ticket) {
        StringBuilder html = new StringBuilder("<table cellpadding='3'>");
        boolean family = passengersOf(ticket).size() > 1;
        for (TrechoPassagem leg : ticket.trechos()) {
            if (family) {
                row(html, leg.origem() + " → " + leg.destino(), leg.companhia(),
                        Reais.km(leg.distanciaKm()), Messages.get("ticket.perPassenger", Reais.format(leg.preco())));
            } else {
                row(html, leg.origem() + " → " + leg.destino(), leg.companhia(),
                        Reais.km(leg.distanciaKm()), Messages.get("ticket.seat", leg.assento()), Reais.format(leg.preco()));
            }
        }
        if (family) {
            total(html, Reais.km(ticket.distanciaKm()), Reais.format(ticket.valor()));
        } else {
            total(html, Reais.km(ticket.distanciaKm()), "", Reais.format(ticket.valor()));
        }
        return html.append("</table>").toString();
    }

    /** Every passenger of a booking with a seat per leg, as a table; empty for a one-passenger booking. */
    public static String passengers(Passagem ticket) {
        List<Passageiro> passengers = passengersOf(ticket);
        if (passengers.size() <= 1) {
            return "";
        }
        StringBuilder html = new StringBuilder("<br><table cellpadding='3'><tr><th align='left'>")
                .append(escape(Messages.get("ticket.col.passenger"))).append("</th>");
        for (TrechoPassagem leg : ticket.trechos()) {
            html.append("<th>").append(escape(leg.origem() + " → " + leg.destino())).append("</th>");
        }
        html.append("</tr>");
        for (int i = 0; i < passengers.size(); i++) {
            Passageiro p = passengers.get(i);
            html.append("<tr><td>").append(escape(who(i, p))).append("</td>");
            for (int leg = 0; leg < ticket.trechos().size(); leg++) {
                Integer seat = p.assentos() != null && leg < p.assentos().size() ? p.assentos().get(leg) : null;
                html.append("<td align='center'><b>").append(seat == null ? "—" : escape(Messages.get("ticket.seat", seat))).append("</b></td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    /** "1. Maria Silva (529.982.247-25)", or without the name when none was given. */
    public static String who(int index, Passageiro p) {
        String cpf = CpfCheck.digits(p.cpf()).isEmpty() ? String.valueOf(p.cpf()) : CpfCheck.formatted(CpfCheck.digits(p.cpf()));
        return (index + 1) + ". " + (p.nome() == null || p.nome().isBlank() ? cpf : p.nome() + " (" + cpf + ")");
    }

    /** The booking's passengers; a booking from a server that predates them has its one buyer. */
    public static List<Passageiro> passengersOf(Passagem ticket) {
        if (ticket.passageiros() != null && !ticket.passageiros().isEmpty()) {
            return ticket.passageiros();
        }
        return List.of(new Passageiro(ticket.cpf(), null, ticket.trechos().stream().map(TrechoPassagem::assento).toList()));
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
