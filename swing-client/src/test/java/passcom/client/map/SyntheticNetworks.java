package passcom.client.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import passcom.api.CidadeRede;
import passcom.api.CompanhiaRede;
import passcom.api.Rede;
import passcom.api.TrechoRede;

/** Seeded {@code /rede} answers of any size, cities scattered over Brazil's box, for tests and the paint benchmark. */
public final class SyntheticNetworks {

    private SyntheticNetworks() {
    }

    /** {@code cities} cities, each linked to the next few by index (about {@code 2 × links} segments per city). */
    public static Rede scattered(int cities, int links, long seed) {
        Random random = new Random(seed);
        List<CidadeRede> cidades = new ArrayList<>();
        for (int i = 0; i < cities; i++) {
            cidades.add(new CidadeRede("Cidade " + (i + 1), -30 + 27 * random.nextDouble(), -60 + 22 * random.nextDouble()));
        }
        List<TrechoRede> trechos = new ArrayList<>();
        for (int i = 0; i < cities; i++) {
            for (int k = 1; k <= links; k++) {
                int j = (i + k * (1 + random.nextInt(7))) % cities;
                if (j != i) {
                    trechos.add(new TrechoRede(cidades.get(i).nome(), cidades.get(j).nome(), 100 + random.nextInt(2000), List.of("A")));
                }
            }
        }
        return new Rede(cidades, trechos, List.of(new CompanhiaRede("A", new BigDecimal("115.00")),
                new CompanhiaRede("B", new BigDecimal("135.00")), new CompanhiaRede("C", new BigDecimal("155.00"))));
    }
}
