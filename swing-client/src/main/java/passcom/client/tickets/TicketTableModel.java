package passcom.client.tickets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import passcom.api.Passagem;
import passcom.api.TrechoPassagem;
import passcom.client.RowTableModel;
import passcom.client.i18n.Messages;
import passcom.client.i18n.Reais;
import passcom.client.purchase.ItineraryText;

/** A CPF's bookings, newest first: reference, cities, airline of each leg, seats, km, price, when bought. */
public final class TicketTableModel extends RowTableModel<Passagem> {

    public static final int REFERENCE = 0;
    public static final int CITIES = 1;
    public static final int AIRLINES = 2;
    public static final int SEATS = 3;
    public static final int DISTANCE = 4;
    public static final int PRICE = 5;
    public static final int BOUGHT = 6;

    public TicketTableModel() {
        super(AIRLINES, "ticket.col.reference", "ticket.col.cities", "ticket.col.airlines",
                "ticket.col.seats", "ticket.col.km", "ticket.col.price", "ticket.col.bought");
    }

    /** Shows {@code tickets} newest first. */
    public void setTickets(List<Passagem> tickets) {
        replaceRows(tickets == null ? null : tickets.stream()
                .sorted(Comparator.comparing(Passagem::compradaEm, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList());
    }

    public Passagem ticket(int row) {
        return row(row);
    }

    @Override
    protected Object value(Passagem ticket, int column) {
        return switch (column) {
            case REFERENCE -> ticket.localizador();
            case CITIES -> ItineraryText.cities(ticket.trechos());
            case AIRLINES -> ticket.trechos().stream().map(TrechoPassagem::companhia).toList();
            case SEATS -> ticket.trechos().stream().map(leg -> String.valueOf(leg.assento())).collect(Collectors.joining(" · "));
            case DISTANCE -> Reais.km(ticket.distanciaKm());
            case PRICE -> Reais.format(ticket.valor());
            default -> ticket.compradaEm() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .withLocale(Messages.locale()).withZone(ZoneId.systemDefault()).format(ticket.compradaEm());
        };
    }
}
