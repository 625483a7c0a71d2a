package passcom.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A booking: its 6-character reference (localizador), the buyer, every leg with its seat, and the totals. */
public record Passagem(
        String localizador,
        String cpf,
        List<TrechoPassagem> trechos,
        int distanciaKm,
        BigDecimal valor,
        Instant compradaEm) {
}
