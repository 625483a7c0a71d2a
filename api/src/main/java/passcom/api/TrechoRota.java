package passcom.api;

import java.math.BigDecimal;

/** One leg of a proposed itinerary: who flies it, how far, for how much (two decimals). */
public record TrechoRota(String origem, String destino, String companhia, int distanciaKm, BigDecimal preco) {
}
