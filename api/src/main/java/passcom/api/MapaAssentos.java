package passcom.api;

import java.util.List;

/**
 * Answer of {@code GET /assentos_cliente?origem=&destino=&companhia=}: one leg's seats as its airline holds
 * them now, numbered 1..capacidade. A seat held by a purchase still being decided counts as taken.
 */
public record MapaAssentos(String origem, String destino, String companhia, int capacidade, int livres,
                           List<Assento> assentos) {
}
