package passcom.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A booking: its 6-character reference (localizador), the buyer, every leg with its seat, the totals, and
 * the airline that sold it ({@code vendidaPor}: the server the customer bought through). {@code cpf} and the
 * legs' {@code assento} are the first passenger's, as in the original one-passenger booking; {@code passageiros}
 * lists every passenger with a seat per leg, and {@code valor} is what the whole booking cost.
 */
public record Passagem(
        String localizador,
        String cpf,
        List<TrechoPassagem> trechos,
        int distanciaKm,
        BigDecimal valor,
        Instant compradaEm,
        String vendidaPor,
        List<Passageiro> passageiros) {

    /** A one-passenger booking in the original shape. */
    public Passagem(String localizador, String cpf, List<TrechoPassagem> trechos, int distanciaKm, BigDecimal valor,
                    Instant compradaEm, String vendidaPor) {
        this(localizador, cpf, trechos, distanciaKm, valor, compradaEm, vendidaPor, null);
    }
}
