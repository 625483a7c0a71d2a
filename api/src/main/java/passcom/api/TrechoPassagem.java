package passcom.api;

import java.math.BigDecimal;

/** One leg of a bought ticket, with the seat the airline assigned. */
public record TrechoPassagem(String origem, String destino, String companhia, int assento, int distanciaKm, BigDecimal preco) {
}
