package passcom.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A booking: its 6-character reference (localizador), the buyer, every leg with its seat, the totals, and
 * the airline that sold it ({@code vendidaPor}: the server the customer bought through).
 */
public record Passagem(
        String localizador,
        String cpf,
        List<TrechoPassagem> trechos,
        int distanciaKm,
        BigDecimal valor,
        Instant compradaEm,
        String vendidaPor) {
}
