package passcom.api;

import java.util.Map;

/**
 * Answer of {@code GET /saude}: this airline, whether each peer answers, seats held right now,
 * transactions awaiting a decision or a delivery, legs sold, and phase-two messages refused since start
 * because they contradicted this airline's records (a COMMIT for what it aborted, an ABORT for what it
 * committed: anything but 0 needs an operator).
 */
public record Saude(
        String companhia,
        Map<String, Boolean> pares,
        long reservasAbertas,
        long transacoesPendentes,
        long passagensVendidas,
        long decisoesConflitantes) {
}
