package passcom.api;

import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /conta} (LGPD data portability): the account and every booking where its CPF is a
 * passenger or the buyer, gathered from every airline; {@code companhiasIndisponiveis} names the airlines
 * that did not answer, so the list may be incomplete.
 */
public record ContaDados(
        String cpf,
        String nome,
        String email,
        String companhia,
        Instant criadaEm,
        List<Passagem> passagens,
        List<String> companhiasIndisponiveis) {
}
