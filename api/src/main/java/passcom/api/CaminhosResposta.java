package passcom.api;

import java.util.List;

/**
 * Answer of {@code GET /caminhos_cliente}. {@code caminhosEncontrados} keeps the original PASSCOM shape:
 * one list per answering airline, its id first and then its paths as city lists.
 */
public record CaminhosResposta(
        String origem,
        String destino,
        String servidor,
        List<String> companhiasIndisponiveis,
        List<Rota> maisCurtos,
        List<Rota> maisBaratos,
        List<List<Object>> caminhosEncontrados) {
}
