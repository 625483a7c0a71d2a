package passcom.client.search;

import java.util.List;
import passcom.api.Rota;
import passcom.api.TrechoRota;
import passcom.client.RowTableModel;
import passcom.client.i18n.Reais;

/**
 * One result list ("Mais curtos" or "Mais baratos"): per row the cities, the airline of each leg, total km
 * and total price. Cells are display text except {@link #AIRLINES}, a list the renderer colours.
 */
public final class RouteTableModel extends RowTableModel<Rota> {

    public static final int CITIES = 0;
    public static final int AIRLINES = 1;
    public static final int DISTANCE = 2;
    public static final int PRICE = 3;

    public RouteTableModel() {
        super(AIRLINES, "route.col.cities", "route.col.airlines", "route.col.km", "route.col.price");
    }

    public void setRoutes(List<Rota> routes) {
        replaceRows(routes);
    }

    public Rota route(int row) {
        return row(row);
    }

    @Override
    protected Object value(Rota route, int column) {
        return switch (column) {
            case CITIES -> cities(route);
            case AIRLINES -> route.trechos().stream().map(TrechoRota::companhia).toList();
            case DISTANCE -> Reais.km(route.distanciaKm());
            default -> Reais.format(route.preco());
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
