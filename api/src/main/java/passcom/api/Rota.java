package passcom.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A proposed itinerary. {@code caminho} is [[airline of each leg], [cities]], e.g.
 * [["A","B"],["Cuiabá","Goiânia","Belo Horizonte"]]: the exact value a purchase sends back.
 */
public record Rota(List<List<String>> caminho, List<TrechoRota> trechos, int distanciaKm, BigDecimal preco) {
}
