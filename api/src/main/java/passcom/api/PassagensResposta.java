package passcom.api;

import java.util.List;

/**
 * Answer of {@code GET /passagens_cliente}: the CPF's bookings gathered from every airline, the airlines
 * that did not answer, and {@code passagensEncontradas} in the original per-airline shape
 * (["A", {"trechos":[["O","D"],...],"assentos":[...],"distancia":N,"valor":N}, ...]).
 */
public record PassagensResposta(
        String cpf,
        List<Passagem> passagens,
        List<String> companhiasIndisponiveis,
        List<List<Object>> passagensEncontradas) {
}
