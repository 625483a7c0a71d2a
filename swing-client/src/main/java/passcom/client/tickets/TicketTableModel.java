package passcom.client.tickets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import passcom.api.CpfCheck;
import passcom.api.Passageiro;
import passcom.api.Passagem;
import passcom.api.TrechoPassagem;
import passcom.client.RowTableModel;
import passcom.client.i18n.Messages;
import passcom.client.i18n.Reais;
import passcom.client.purchase.ItineraryText;

/**
 * A CPF's bookings, newest first: reference, passengers, cities, airline of each leg, seats, km, price, when
 * bought. A family booking (found from any of its passengers' CPFs) lists everyone; its seats column shows
 * each passenger's seats, legs separated by "·" and passengers by "/".
 */
public final class TicketTableModel extends RowTableModel<Passagem> {

    public static final int REFERENCE = 0;
    public static final int PASSENGERS = 1;
    public static final int CITIES = 2;
    public static final int AIRLINES = 3;
    public static final int SEATS = 4;
    public static final int DISTANCE = 5;
    public static final int PRICE = 6;
    public static final int BOUGHT = 7;

    public TicketTableModel() {
        super(AIRLINES, "ticket.col.reference", "ticket.col.passengers", "ticket.col.cities", "ticket.col.airlines",
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

    /** "Maria, João (2)" or the CPF of a lone passenger without a name. */
    private static String passengers(Passagem ticket) {
        List<Passageiro> passengers = ItineraryText.passengersOf(ticket);
        if (passengers.size() == 1) {
            Passageiro only = passengers.get(0);
            return only.nome() != null ? only.nome() : CpfCheck.digits(only.cpf()).isEmpty() ? "" : CpfCheck.formatted(CpfCheck.digits(only.cpf()));
        }
        String names = passengers.stream()
                .map(p -> p.nome() != null ? p.nome() : CpfCheck.digits(p.cpf()).isEmpty() ? "?" : CpfCheck.formatted(CpfCheck.digits(p.cpf())))
                .collect(Collectors.joining(", "));
        return Messages.get("ticket.passengers", passengers.size(), names);
    }

    @Override
    protected Object value(Passagem ticket, int column) {
        return switch (column) {
            case REFERENCE -> ticket.localizador();
            case PASSENGERS -> passengers(ticket);
            case CITIES -> ItineraryText.cities(ticket.trechos());
            case AIRLINES -> ticket.trechos().stream().map(TrechoPassagem::companhia).toList();
            case SEATS -> ItineraryText.passengersOf(ticket).stream()
                    .map(p -> p.assentos() == null ? "" : p.assentos().stream().map(String::valueOf).collect(Collectors.joining(" · ")))
                    .collect(Collectors.joining(" / "));
            case DISTANCE -> Reais.km(ticket.distanciaKm());
            case PRICE -> Reais.format(ticket.valor());
            default -> ticket.compradaEm() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .withLocale(Messages.locale()).withZone(ZoneId.systemDefault()).format(ticket.compradaEm());
        };
    }
}
