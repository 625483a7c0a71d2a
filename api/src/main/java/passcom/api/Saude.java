package passcom.api;

import java.util.Map;

/**
 * Answer of {@code GET /saude}: this airline, whether each peer answers, seats held right now,
 * transactions awaiting a decision or a delivery, legs sold, and phase-two messages refused since start
 * because they contradicted this airline's records ({@code decisoes_conflitantes}: anything but 0 is a bug
 * or a lost disk, see purchase-protocol.md; null from a server that predates the field, so a newer client
 * still reads an older server's answer).
 */
public record Saude(
        String companhia,
        Map<String, Boolean> pares,
        long reservasAbertas,
        long transacoesPendentes,
        long passagensVendidas,
        Long decisoesConflitantes) {
}
