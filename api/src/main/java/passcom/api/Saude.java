package passcom.api;

import java.util.Map;

/**
 * Answer of {@code GET /saude}: this airline, whether each peer answers, seats held right now, and
 * transactions awaiting a decision or a delivery.
 */
public record Saude(
        String companhia,
        Map<String, Boolean> pares,
        long reservasAbertas,
        long transacoesPendentes,
        long passagensVendidas) {
}
