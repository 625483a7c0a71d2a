package passcom.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import passcom.api.Rota;
import passcom.api.TrechoRota;

class RouteTableModelTest {

    private static final Rota ROUTE = new Rota(
            List.of(List.of("A", "B"), List.of("Cuiabá", "Goiânia", "Belo Horizonte")),
            List.of(new TrechoRota("Cuiabá", "Goiânia", "A", 890, new BigDecimal("1023.50")),
                    new TrechoRota("Goiânia", "Belo Horizonte", "B", 890, new BigDecimal("1201.50"))),
            1780, new BigDecimal("2225.00"));

    @Test
    void when_a_route_is_shown_then_the_row_reads_cities_airlines_km_and_reais() {
        RouteTableModel model = new RouteTableModel();

        model.setRoutes(List.of(ROUTE));

        assertThat(model.getRowCount()).isEqualTo(1);
        assertThat(model.getValueAt(0, RouteTableModel.CITIES)).isEqualTo("Cuiabá → Goiânia → Belo Horizonte");
        assertThat(model.getValueAt(0, RouteTableModel.AIRLINES)).isEqualTo(List.of("A", "B"));
        assertThat(model.getValueAt(0, RouteTableModel.DISTANCE)).isEqualTo("1.780\u00a0km");
        assertThat(model.getValueAt(0, RouteTableModel.PRICE)).isEqualTo("R$\u00a02.225,00");
        assertThat(model.route(0)).isSameAs(ROUTE);
    }

    @Test
    void when_no_routes_come_then_the_table_is_empty() {
        RouteTableModel model = new RouteTableModel();
        model.setRoutes(List.of(ROUTE));

        model.setRoutes(null);

        assertThat(model.getRowCount()).isZero();
    }
}
