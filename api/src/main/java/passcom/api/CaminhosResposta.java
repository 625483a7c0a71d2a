package passcom.api;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /caminhos_cliente}. {@code caminhosEncontrados} keeps the original PASSCOM shape:
 * one list per answering airline, its id first and then its paths as city lists. {@code idadeDadosMs} says, per
 * answering airline, how old (ms) the image of its availability was that its paths were planned from: how long
 * ago its feed last confirmed it (docs/availability.md).
 */
public record CaminhosResposta(
        String origem,
        String destino,
        String servidor,
        List<String> companhiasIndisponiveis,
        List<Rota> maisCurtos,
        List<Rota> maisBaratos,
        List<List<Object>> caminhosEncontrados,
        Map<String, Long> idadeDadosMs) {
}
