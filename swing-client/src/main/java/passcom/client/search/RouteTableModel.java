package passcom.client.search;

import java.util.List;
import javax.swing.table.AbstractTableModel;
import passcom.api.Rota;
import passcom.api.TrechoRota;
import passcom.client.i18n.Messages;
import passcom.client.i18n.Reais;

/**
 * One result list ("Mais curtos" or "Mais baratos"): per row the cities, the airline of each leg, total km
 * and total price. Cells are display text except {@link #AIRLINES}, a list the renderer colours.
 */
public final class RouteTableModel extends AbstractTableModel {

    public static final int CITIES = 0;
    public static final int AIRLINES = 1;
    public static final int DISTANCE = 2;
    public static final int PRICE = 3;
    private static final String[] HEADERS = {"route.col.cities", "route.col.airlines", "route.col.km", "route.col.price"};

    private List<Rota> routes = List.of();

    public void setRoutes(List<Rota> routes) {
        this.routes = routes == null ? List.of() : List.copyOf(routes);
        fireTableDataChanged();
    }

    public Rota route(int row) {
        return routes.get(row);
    }

    @Override
    public int getRowCount() {
        return routes.size();
    }

    @Override
    public int getColumnCount() {
        return HEADERS.length;
    }

    @Override
    public String getColumnName(int column) {
        return Messages.get(HEADERS[column]);
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == AIRLINES ? List.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        Rota route = routes.get(row);
        return switch (column) {
            case CITIES -> cities(route);
            case AIRLINES -> route.trechos().stream().map(TrechoRota::companhia).toList();
            case DISTANCE -> Reais.km(route.distanciaKm());
            case PRICE -> Reais.format(route.preco());
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }

    /** "Cuiabá → Goiânia → Belo Horizonte", from the legs (the caminho's city list says the same). */
    public static String cities(Rota route) {
        if (route.trechos().isEmpty()) {
            return String.join(" → ", route.caminho().get(1));
        }
        StringBuilder text = new StringBuilder(route.trechos().get(0).origem());
        route.trechos().forEach(leg -> text.append(" → ").append(leg.destino()));
        return text.toString();
    }
}
