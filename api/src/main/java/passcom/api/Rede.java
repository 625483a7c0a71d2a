package passcom.api;

import java.util.List;

/** Answer of {@code GET /rede}: the route network the federation runs, as this server loaded it. */
public record Rede(List<CidadeRede> cidades, List<TrechoRede> trechos, List<CompanhiaRede> companhias) {
}
