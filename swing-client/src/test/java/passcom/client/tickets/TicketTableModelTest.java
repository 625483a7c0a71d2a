package passcom.client.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.api.Passageiro;
import passcom.api.Passagem;
import passcom.api.TrechoPassagem;

class TicketTableModelTest {

    private static Passagem ticket(String reference, Instant boughtAt) {
        return new Passagem(reference, "52998224725",
                List.of(new TrechoPassagem("Cuiabá", "Goiânia", "A", 1, 890, new BigDecimal("1023.50")),
                        new TrechoPassagem("Goiânia", "Belo Horizonte", "C", 3, 890, new BigDecimal("1379.50"))),
                1780, new BigDecimal("2403.00"), boughtAt, "B");
    }

    @Test
    void when_tickets_are_shown_then_newest_come_first_with_seats_and_reais() {
        TicketTableModel model = new TicketTableModel();

        model.setTickets(List.of(ticket("OLD111", Instant.parse("2025-01-01T10:00:00Z")), ticket("NEW222", Instant.parse("2025-02-01T10:00:00Z"))));

        assertThat(model.getValueAt(0, TicketTableModel.REFERENCE)).isEqualTo("NEW222");
        assertThat(model.getValueAt(0, TicketTableModel.CITIES)).isEqualTo("Cuiabá → Goiânia → Belo Horizonte");
        assertThat(model.getValueAt(0, TicketTableModel.AIRLINES)).isEqualTo(List.of("A", "C"));
        assertThat(model.getValueAt(0, TicketTableModel.SEATS)).isEqualTo("1 · 3");
        assertThat(model.getValueAt(0, TicketTableModel.PRICE)).isEqualTo("R$\u00a02.403,00");
    }

    @Test
    void when_a_family_booking_is_shown_then_every_passenger_and_their_seats_are_listed() {
        Passagem family = new Passagem("FAM333", "52998224725",
                List.of(new TrechoPassagem("Cuiabá", "Goiânia", "A", 4, 890, new BigDecimal("1023.50")),
                        new TrechoPassagem("Goiânia", "Belo Horizonte", "C", 7, 890, new BigDecimal("1379.50"))),
                1780, new BigDecimal("4806.00"), Instant.parse("2025-03-01T10:00:00Z"), "A",
                List.of(new Passageiro("52998224725", "Maria", List.of(4, 7)), new Passageiro("11144477735", null, List.of(5, 8))));
        TicketTableModel model = new TicketTableModel();

        model.setTickets(List.of(family));

        assertThat(model.getValueAt(0, TicketTableModel.PASSENGERS)).isEqualTo("2 passageiros: Maria, 111.444.777-35");
        assertThat(model.getValueAt(0, TicketTableModel.SEATS)).isEqualTo("4 · 7 / 5 · 8");
        assertThat(model.getValueAt(0, TicketTableModel.PRICE)).isEqualTo("R$\u00a04.806,00");
    }
}
